import Domain
import Foundation
import Vapor

/// Every state-changing form carries a token: the session's own when signed in, otherwise a
/// double-submit cookie. Cross-site requests are also refused by `Sec-Fetch-Site`.
enum CSRF {
    static let cookie = "tandem_csrf"
    static let field = "_csrf"

    static func verify(_ req: Request, identity: Identity) throws {
        try verifySite(req)
        let sent = (try? req.content.get(String.self, at: field)) ?? req.headers.first(name: "X-CSRF-Token") ?? ""
        let expected = identity.csrfToken ?? req.cookies[cookie]?.string ?? ""
        guard !expected.isEmpty, constantTimeEqual(sent, expected) else {
            throw DomainError.validation(field: field, rule: .formExpired)
        }
    }

    /// The browser's own word that the request comes from another site.
    static func verifySite(_ req: Request) throws {
        if let site = req.headers.first(name: "Sec-Fetch-Site"), site == "cross-site" { throw DomainError.forbidden }
    }

    /// The token a page should put into its forms (and the cookie to set for anonymous visitors).
    static func token(for req: Request, identity: Identity) -> (token: String, newCookie: String?) {
        if let token = identity.csrfToken { return (token, nil) }
        if let existing = req.cookies[cookie]?.string, existing.count >= 20 { return (existing, nil) }
        let fresh = SecretToken.generate()
        return (fresh, fresh)
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}
