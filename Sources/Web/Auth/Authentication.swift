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

    static let anonymous = Identity(principal: .anonymous, name: "", email: "", language: .en, credentialID: nil, csrfToken: nil)

    var memberID: UUID? { if case .member(let id, _) = principal { id } else { nil } }
    var contactID: UUID? { if case .contact(let id, _) = principal { id } else { nil } }
    var role: MemberRole? { if case .member(_, let role) = principal { role } else { nil } }
    var grants: [UUID: Bool] { if case .contact(_, let grants) = principal { grants } else { [:] } }
}

extension Request {
    func actAs(_ identity: Identity) {
        Credentials.setIdentity(identity, on: self)
    }
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

    /// Lets the command-line tools act through the same actions as a signed-in member.
    static func setIdentity(_ identity: Identity, on req: Request) {
        req.storage[IdentityKey.self] = identity
    }

    static func lookup(token: String, kind: CredentialKind, on db: any Database, now: Date) async throws -> Identity? {
        guard let credential = try await CredentialRecord.query(on: db)
            .filter(\.$tokenHash == SecretToken.hash(token)).filter(\.$kind == kind.rawValue).first(),
            credential.expiresAt > now else { return nil }
        if let memberID = credential.memberID, let member = try await MemberRecord.find(memberID, on: db) {
            return Identity(principal: .member(id: memberID, role: MemberRole(rawValue: member.role) ?? .member),
                            name: member.name, email: member.email, language: Language(rawValue: member.language) ?? .en,
                            credentialID: credential.id, csrfToken: credential.csrfToken)
        }
        if let contactID = credential.contactID, let contact = try await ContactRecord.find(contactID, on: db) {
            let grants = try await ProjectContactRecord.query(on: db).filter(\.$contactID == contactID).all()
            return Identity(principal: .contact(id: contactID, grants: Dictionary(grants.map { ($0.projectID, $0.canApprove) }, uniquingKeysWith: { $0 || $1 })),
                            name: contact.name, email: contact.email, language: Language(rawValue: contact.language) ?? .en,
                            credentialID: credential.id, csrfToken: credential.csrfToken)
        }
        return nil
    }

    /// Issues a new credential; a page sign-in always gets a fresh session id (never reuses the old one).
    static func issue(_ kind: CredentialKind, memberID: UUID? = nil, contactID: UUID? = nil, on db: any Database, now: Date) async throws -> String {
        let token = SecretToken.generate()
        let lifetime: TimeInterval = kind == .api ? 90 * 86_400 : 14 * 86_400
        try await CredentialRecord(kind: kind.rawValue, tokenHash: SecretToken.hash(token), memberID: memberID, contactID: contactID,
                                   csrfToken: SecretToken.generate(), createdAt: now, expiresAt: now.addingTimeInterval(lifetime))
            .create(on: db)
        return token
    }

    static func revoke(_ credentialID: UUID?, on db: any Database) async throws {
        guard let credentialID else { return }
        try await CredentialRecord.query(on: db).filter(\.$id == credentialID).delete()
    }

    static func sessionCookieValue(_ token: String?, secure: Bool) -> HTTPCookies.Value {
        HTTPCookies.Value(string: token ?? "", expires: token == nil ? Date(timeIntervalSince1970: 0) : nil,
                          maxAge: token == nil ? 0 : 14 * 86_400, path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }
}
