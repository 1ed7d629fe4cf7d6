import Foundation
import Vapor

extension TestClient {
    /// A `multipart/form-data` body as a browser sends it: `fields` first (a page's `_csrf`), then the file part.
    /// `dispositionName` is put into the part's header as given (so a test can send `filename*=` or escapes).
    public static func multipart(
        fields: [(String, String)] = [], fileField: String = "file", dispositionName: String, contentType: String, bytes: [UInt8],
        boundary: String = "----TandemTestBoundary7MA4YWxkTrZu0gW"
    ) -> ByteBuffer {
        var buffer = ByteBuffer()
        for (name, value) in fields {
            buffer.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        buffer.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(fileField)\"; \(dispositionName)\r\n")
        buffer.writeString("Content-Type: \(contentType)\r\n\r\n")
        buffer.writeBytes(bytes)
        buffer.writeString("\r\n--\(boundary)--\r\n")
        return buffer
    }

    /// Uploads `bytes` as `filename` to an upload route of the API.
    public func upload(
        _ path: String, token: String?, filename: String = "report.pdf", contentType: String = "application/pdf", bytes: [UInt8]
    ) async throws -> Reply {
        try await upload(path, token: token, dispositionName: "filename=\"\(filename)\"", contentType: contentType, bytes: bytes)
    }

    public func upload(_ path: String, token: String?, dispositionName: String, contentType: String, bytes: [UInt8]) async throws -> Reply {
        let boundary = "----TandemTestBoundary7MA4YWxkTrZu0gW"
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary])
        if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        let body = Self.multipart(dispositionName: dispositionName, contentType: contentType, bytes: bytes, boundary: boundary)
        return try await send(.POST, path, headers: headers, body: body)
    }

    /// Uploads through a page form: the session cookie, and `_csrf` as the form's first field (nil: left out).
    public func uploadPage(_ path: String, session: String, csrf: String?, filename: String, bytes: [UInt8]) async throws -> Reply {
        let boundary = "----TandemTestBoundary7MA4YWxkTrZu0gW"
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary])
        headers.replaceOrAdd(name: .cookie, value: "tandem_session=\(session)")
        let body = Self.multipart(
            fields: csrf.map { [("_csrf", $0)] } ?? [], dispositionName: "filename=\"\(filename)\"", contentType: "text/plain",
            bytes: bytes, boundary: boundary)
        return try await send(.POST, path, headers: headers, body: body)
    }
}
