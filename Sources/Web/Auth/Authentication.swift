import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// The signed-in person behind a request, resolved once per request from a bearer token (API) or the
/// session cookie (pages).
struct Identity: Sendable {
    var principal: Principal
    var name: String
    var email: String
    var language: Language
    /// The credential that authenticated this request (to sign out, and for the CSRF token).
    var credentialID: UUID?
    var csrfToken: String?
    /// The member's workspace (nil for contacts and anonymous visitors).
    var workspaceID: UUID? = nil

    static let anonymous = Identity(principal: .anonymous, name: "", email: "", language: .en, credentialID: nil, csrfToken: nil)

    var memberID: UUID? { if case .member(let id, _) = principal { id } else { nil } }
    var contactID: UUID? { if case .contact(let id, _) = principal { id } else { nil } }
    var role: MemberRole? { if case .member(_, let role) = principal { role } else { nil } }
    var grants: [UUID: Bool] { if case .contact(_, let grants) = principal { grants } else { [:] } }
}

enum CredentialKind: String {
    case api, web
}

enum Credentials {
    static let sessionCookie = "tandem_session"

    private struct IdentityKey: StorageKey { typealias Value = Identity }

    /// The identity of this request; looked up the first time it is asked for.
    static func identity(of req: Request, surface: Surface) async throws -> Identity {
        if let cached = req.storage[IdentityKey.self] { return cached }
        let token: String?
        switch surface {
        case .api: token = req.headers.bearerAuthorization?.token
        case .page: token = req.cookies[sessionCookie]?.string
        }
        var identity = Identity.anonymous
        if let token, !token.isEmpty {
            identity = try await lookup(token: token, kind: surface == .api ? .api : .web, on: req.db, now: req.now) ?? .anonymous
        }
        req.storage[IdentityKey.self] = identity
        return identity
    }

    /// The identity behind a token of `kind`, or nil for an unknown or expired one.
    static func lookup(token: String, kind: CredentialKind, on db: any Database, now: Date) async throws -> Identity? {
        guard let holder = try await CredentialStore.holder(tokenHash: SecretToken.hash(token), kind: kind.rawValue, now: now, on: db) else {
            return nil
        }
        switch holder.person {
        case .member(let id, let role, let workspaceID):
            return Identity(
                principal: .member(id: id, role: role), name: holder.name, email: holder.email, language: holder.language,
                credentialID: holder.credentialID, csrfToken: holder.csrfToken, workspaceID: workspaceID)
        case .contact(let id, let grants):
            return Identity(
                principal: .contact(id: id, grants: grants), name: holder.name, email: holder.email, language: holder.language,
                credentialID: holder.credentialID, csrfToken: holder.csrfToken)
        }
    }

    /// Issues a new credential; a page sign-in always gets a fresh session id (never reuses the old one).
    static func issue(_ kind: CredentialKind, memberID: UUID? = nil, contactID: UUID? = nil, on db: any Database, now: Date) async throws -> String {
        let token = SecretToken.generate()
        try await CredentialStore.create(
            kind: kind.rawValue, tokenHash: SecretToken.hash(token), memberID: memberID, contactID: contactID,
            csrfToken: SecretToken.generate(), now: now, lifetime: kind == .api ? 90 * 86_400 : 14 * 86_400, on: db)
        return token
    }

    static func revoke(_ credentialID: UUID?, on db: any Database) async throws {
        guard let credentialID else { return }
        try await CredentialStore.delete(credentialID, on: db)
    }

    static func sessionCookieValue(_ token: String?, secure: Bool) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: token ?? "", expires: token == nil ? Date(timeIntervalSince1970: 0) : nil,
            maxAge: token == nil ? 0 : 14 * 86_400, path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }
}
