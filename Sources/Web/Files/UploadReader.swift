import Domain
import Foundation
import MultipartKit
import Vapor

/// One file received from a `multipart/form-data` body, written to an incoming file and not yet kept.
struct ReceivedUpload: Sendable {
    var filename: String?
    var contentType: String?
    var size: Int64
    var sha256: String
    var file: IncomingFile
}

/// Reads a `multipart/form-data` body as it streams in (the route takes `body: .stream`): the `file` part goes to an
/// incoming file, hashed and counted on the way; more than `limit` bytes answers 413 at once and leaves nothing.
/// Pages pass the session's CSRF token: their form sends `_csrf` before the file, and no byte of the file is
/// written unless that token came first and matches.
enum UploadReader {
    static let field = "file"
    /// Room for the multipart framing and small fields beside the file.
    static let overhead = 64 << 10

    static func read(_ req: Request, limit: Int, csrf expected: String?, storage: FileStorage) async throws -> ReceivedUpload {
        guard let type = req.headers.contentType, type.type == "multipart", type.subType == "form-data",
            let boundary = type.parameters["boundary"], !boundary.isEmpty, boundary.count <= 200
        else {
            throw DomainError.validation(field: field, rule: .fileForm("send the file as multipart/form-data in a field named file"))
        }
        if let length = req.headers.first(name: .contentLength).flatMap(Int.init), length > limit + overhead {
            throw tooLarge(limit)
        }
        let state = PartState(limit: limit, csrf: expected)
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in state.header(name, value) }
        parser.onBody = { buffer in state.body(buffer) }
        parser.onPartComplete = { state.partComplete() }
        let pool = req.application.threadPool
        do {
            var total = 0
            for try await chunk in req.body {
                total += chunk.readableBytes
                if total > limit + overhead { throw tooLarge(limit) }
                do { try parser.execute(chunk) } catch {
                    throw DomainError.validation(field: field, rule: .fileForm("the upload is not valid multipart/form-data"))
                }
                if let failure = state.failure { throw failure }
                for piece in state.takeFileBytes() {
                    if state.file == nil { state.file = try storage.makeIncoming() }
                    try await state.file!.append(piece, on: pool)
                }
            }
            guard state.fileComplete, let file = state.file, file.size > 0 else {
                let named = !(state.filename ?? "").isEmpty
                throw DomainError.validation(field: field, rule: named ? .fileEmpty : .fileChoose)
            }
            let sha256 = try await file.finish(on: pool)
            return ReceivedUpload(filename: state.filename, contentType: state.fileContentType, size: file.size, sha256: sha256, file: file)
        } catch {
            state.file?.discard()
            throw error
        }
    }

    static func tooLarge(_ limit: Int) -> Abort {
        Abort(.payloadTooLarge, reason: "the file is larger than the limit of \(limit >> 20) MB")
    }

    /// What the parser's callbacks collect (they cannot throw or wait): the current part's headers, the `_csrf`
    /// value, and the file's bytes until the reader writes them.
    private final class PartState: @unchecked Sendable {
        let limit: Int
        let csrf: String?
        var failure: (any Error)?
        var file: IncomingFile?
        var fileSeen = false
        var fileComplete = false
        var filename: String?
        var fileContentType: String?

        private var disposition: FormDataDisposition?
        private var partType: String?
        private var inFile = false
        private var fileBytes = 0
        private var small = Data()
        private var csrfSeen: String?
        private var pieces: [ByteBuffer] = []

        init(limit: Int, csrf: String?) {
            self.limit = limit
            self.csrf = csrf
        }

        func header(_ name: String, _ value: String) {
            switch name.lowercased() {
            case "content-disposition": disposition = FormDataDisposition.parse(value)
            case "content-type": partType = value
            default: break
            }
        }

        func body(_ buffer: ByteBuffer) {
            guard failure == nil else { return }
            if !inFile, disposition?.name == UploadReader.field, !fileSeen {
                guard csrfMatches else {
                    failure = DomainError.validation(field: CSRF.field, rule: .formExpired)
                    return
                }
                inFile = true
                fileSeen = true
                filename = disposition?.filename
                fileContentType = partType
            }
            if inFile {
                fileBytes += buffer.readableBytes
                if fileBytes > limit {
                    failure = UploadReader.tooLarge(limit)
                    return
                }
                pieces.append(buffer)
            } else if small.count + buffer.readableBytes <= 4096 {
                small.append(contentsOf: buffer.readableBytesView)
            }
        }

        func partComplete() {
            if inFile {
                fileComplete = true
            } else if disposition?.name == UploadReader.field, !fileSeen {
                // A file part with no bytes (an empty file, or no file chosen).
                if csrfMatches {
                    fileSeen = true
                    fileComplete = true
                    filename = disposition?.filename
                    fileContentType = partType
                } else {
                    failure = DomainError.validation(field: CSRF.field, rule: .formExpired)
                }
            } else if disposition?.name == CSRF.field, csrfSeen == nil {
                csrfSeen = String(decoding: small, as: UTF8.self)
            }
            inFile = false
            disposition = nil
            partType = nil
            small = Data()
        }

        func takeFileBytes() -> [ByteBuffer] {
            defer { pieces = [] }
            return pieces
        }

        private var csrfMatches: Bool {
            guard let csrf else { return true }
            return !csrf.isEmpty && CSRF.constantTimeEqual(csrfSeen ?? "", csrf)
        }
    }
}
