import Vapor

/// Security headers on every answer: no inline scripts, no framing, no sniffing, no referrer leaks.
///
/// SVG charts are documents of their own (pages embed them with `<object>`): they get a policy that
/// runs no script at all, allows their own `<style>`, and lets only this site embed them.
struct SecurityHeaders: AsyncMiddleware {
    static let page =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'self'; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    static let svg = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let isSVG = response.headers.first(name: .contentType)?.hasPrefix("image/svg+xml") == true
        let headers = [
            ("Content-Security-Policy", isSVG ? Self.svg : Self.page),
            ("X-Content-Type-Options", "nosniff"),
            ("X-Frame-Options", isSVG ? "SAMEORIGIN" : "DENY"),
            ("Referrer-Policy", "same-origin"),
        ]
        for (name, value) in headers { response.headers.replaceOrAdd(name: name, value: value) }
        Self.dropUnsafeHeaders(response, logger: request.logger)
        return response
    }

    /// The last wall against header injection: no header that holds CR, LF or NUL ever leaves, whoever built it.
    static func dropUnsafeHeaders(_ response: Response, logger: Logger) {
        // Every answer passes here: look at the bytes, build no strings.
        func breaks(_ text: String) -> Bool { text.utf8.contains { $0 == 0x0D || $0 == 0x0A || $0 == 0x00 } }
        let unsafe = response.headers.filter { name, value in breaks(name) || breaks(value) }
        for (name, _) in unsafe {
            logger.warning("dropped a response header with a control character", metadata: ["header": .string(name)])
            response.headers.remove(name: name)
        }
    }
}
