import AsyncHTTPClient
import Foundation
import Testing
import Vapor
import VaporTesting

/// A decoded answer of the app, with helpers to read JSON fields.
public struct Reply: Sendable {
    public var status: HTTPStatus
    public var headers: HTTPHeaders
    public var body: String

    public var json: [String: any Sendable] {
        (try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: any Sendable]) ?? [:]
    }

    public func string(_ key: String) -> String? { json[key] as? String }

    public var items: [[String: any Sendable]] { (json["items"] as? [[String: any Sendable]]) ?? [] }

    public var errorField: String? { (json["error"] as? [String: any Sendable])?["field"] as? String }

    public var errorCode: String? { (json["error"] as? [String: any Sendable])?["code"] as? String }

    /// The `_csrf` value of the first form on the page, as a browser would submit it.
    public var formToken: String? {
        guard let range = body.range(of: "name=\"_csrf\" value=\"") else { return nil }
        return String(body[range.upperBound...].prefix { $0 != "\"" })
    }

    public var location: String? { headers.first(name: .location) }

    /// The value of a `Set-Cookie` for `name`, if the answer sets one.
    public func cookie(_ name: String) -> String? {
        for header in headers[.setCookie] {
            let first = header.split(separator: ";").first.map(String.init) ?? ""
            let parts = first.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2, parts[0] == name { return parts[1] }
        }
        return nil
    }
}

/// Talks to an app in memory: JSON with a bearer token, or forms with a session cookie. A `live` client
/// sends each request over loopback to a real server instead (it then has a peer address, 127.0.0.1).
public struct TestClient: Sendable {
    public let app: Application
    public let live: Bool

    public init(_ app: Application, live: Bool = false) {
        self.app = app
        self.live = live
    }

    public func json(_ method: HTTPMethod, _ path: String, token: String? = nil, body: [String: any Sendable]? = nil, raw: String? = nil) async throws
        -> Reply
    {
        var headers = HTTPHeaders()
        headers.contentType = .json
        if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        var buffer: ByteBuffer?
        if let raw { buffer = ByteBuffer(string: raw) }
        if let body { buffer = ByteBuffer(data: try JSONSerialization.data(withJSONObject: body)) }
        return try await send(method, path, headers: headers, body: buffer)
    }

    public func page(
        _ method: HTTPMethod, _ path: String, cookies: [String: String] = [:], form: [String: String]? = nil,
        headers extra: [(String, String)] = []
    ) async throws -> Reply {
        var headers = HTTPHeaders()
        if !cookies.isEmpty { headers.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
        for (name, value) in extra { headers.add(name: name, value: value) }
        var buffer: ByteBuffer?
        if let form {
            headers.contentType = .urlEncodedForm
            buffer = ByteBuffer(string: form.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&"))
        }
        return try await send(method, path, headers: headers, body: buffer)
    }

    public func send(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders, body: ByteBuffer?) async throws -> Reply {
        let reply: Reply
        if live {
            reply = try await sendOverLoopback(method, path, headers: headers, body: body)
        } else {
            let response = try await app.testing().sendRequest(method, path, headers: headers, body: body)
            reply = Reply(status: response.status, headers: response.headers, body: response.body.string)
        }
        checkAgainstTheDocument(method, path, reply)
        return reply
    }

    /// Every answer of the JSON API that any test receives is checked against `openapi.json`, so the
    /// document and the code cannot drift apart without a test failing.
    private func checkAgainstTheDocument(_ method: HTTPMethod, _ path: String, _ reply: Reply) {
        guard path.hasPrefix("/api/v1/"), let document = OpenAPIConformance.shipped else { return }
        let isJSON = reply.headers.contentType.map { $0.type == "application" && $0.subType == "json" } ?? false
        for problem in document.problems(method: method.rawValue, path: path, status: Int(reply.status.code), isJSON: isJSON, body: reply.body) {
            Issue.record(Comment(rawValue: "openapi.json: \(problem)"))
        }
    }

    /// One request to a real server on 127.0.0.1 (started for it), answered as sent: redirects are not
    /// followed, so a test sees the `Location` and the cookies of the answer itself.
    private func sendOverLoopback(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders, body: ByteBuffer?) async throws -> Reply {
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .disallow))
        do {
            guard let port = app.http.server.shared.localAddress?.port else { throw Abort(.internalServerError, reason: "no port") }
            var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
            request.method = method
            request.headers = headers
            if let body { request.body = .bytes(body) }
            let response = try await client.execute(request, timeout: .seconds(30))
            let bytes = try await response.body.collect(upTo: 16 << 20)
            try await client.shutdown()
            await app.server.shutdown()
            return Reply(status: response.status, headers: response.headers, body: String(buffer: bytes))
        } catch {
            try? await client.shutdown()
            await app.server.shutdown()
            throw error
        }
    }

    /// `text` percent-encoded for a query value, every byte but unreserved ones.
    public static func encodeQuery(_ text: String) -> String { encode(text) }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
