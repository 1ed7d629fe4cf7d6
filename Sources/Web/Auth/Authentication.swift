import Domain
import Fluent
import Foundation
import Persistence
import SQLKit
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

    /// One query for the credential and its person (every request asks), one more for a contact's grants.
    static func lookup(token: String, kind: CredentialKind, on db: any Database, now: Date) async throws -> Identity? {
        guard let sql = db as? any SQLDatabase else { return nil }
        guard let row = try await sql.raw("""
            SELECT c.id AS credential_id, c.expires_at, c.csrf_token, c.member_id, c.contact_id, m.workspace_id,
                   m.name AS member_name, m.email AS member_email, m.role AS member_role, m.language AS member_language,
                   k.name AS contact_name, k.email AS contact_email, k.language AS contact_language
            FROM credentials c
            LEFT JOIN members m ON m.id = c.member_id
            LEFT JOIN contacts k ON k.id = c.contact_id
            WHERE c.token_hash = \(bind: SecretToken.hash(token)) AND c.kind = \(bind: kind.rawValue)
            """).first(),
            try row.decode(column: "expires_at", as: Date.self) > now else { return nil }
        let credentialID = try row.decode(column: "credential_id", as: UUID.self)
        let csrf = try row.decode(column: "csrf_token", as: String.self)
        if let memberID = try row.decode(column: "member_id", as: UUID?.self), let name = try row.decode(column: "member_name", as: String?.self) {
            let role = MemberRole(rawValue: try row.decode(column: "member_role", as: String.self)) ?? .member
            return Identity(principal: .member(id: memberID, role: role), name: name,
                            email: try row.decode(column: "member_email", as: String.self),
                            language: Language(rawValue: try row.decode(column: "member_language", as: String.self)) ?? .en,
                            credentialID: credentialID, csrfToken: csrf,
                            workspaceID: try row.decode(column: "workspace_id", as: UUID?.self))
        }
        if let contactID = try row.decode(column: "contact_id", as: UUID?.self), let name = try row.decode(column: "contact_name", as: String?.self) {
            let grants = try await sql.select().columns("project_id", "can_approve").from("project_contacts")
                .where("contact_id", .equal, SQLBind(contactID)).all()
            var byProject: [UUID: Bool] = [:]
            for grant in grants {
                let projectID = try grant.decode(column: "project_id", as: UUID.self)
                let canApprove = try grant.decode(column: "can_approve", as: Bool.self)
                byProject[projectID] = (byProject[projectID] ?? false) || canApprove
            }
            return Identity(principal: .contact(id: contactID, grants: byProject), name: name,
                            email: try row.decode(column: "contact_email", as: String.self),
                            language: Language(rawValue: try row.decode(column: "contact_language", as: String.self)) ?? .en,
                            credentialID: credentialID, csrfToken: csrf)
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
