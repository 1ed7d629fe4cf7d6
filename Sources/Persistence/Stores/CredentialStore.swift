import Domain
import Fluent
import Foundation
import SQLKit

/// The person behind a credential, as stored: a member (with their workspace) or a contact (with
/// the projects they were invited to and whether they may approve there).
public struct CredentialHolder: Sendable {
    public enum Person: Sendable {
        case member(id: UUID, role: MemberRole, workspaceID: UUID)
        case contact(id: UUID, grants: [UUID: Bool])
    }

    public var credentialID: UUID
    public var csrfToken: String
    public var person: Person
    public var name: String
    public var email: String
    public var language: Language
}

/// Credentials (page sessions and API tokens) by the SHA-256 of their token. A deactivated member's
/// credentials are deleted when they are deactivated; the `active` check below also covers one issued
/// by a sign-in that raced the deactivation.
public enum CredentialStore {
    /// One query for the credential and its person (every request asks), one more for a contact's grants;
    /// nil when no live credential of `kind` has this hash. Read with SQLKit: this is every request's hot path.
    public static func holder(tokenHash: String, kind: String, now: Date, on db: any Database) async throws -> CredentialHolder? {
        let sql = db as! any SQLDatabase
        guard
            let row = try await sql.raw(
                """
                SELECT c.id AS credential_id, c.expires_at, c.csrf_token, c.member_id, c.contact_id, m.workspace_id,
                       m.name AS member_name, m.email AS member_email, m.role AS member_role, m.language AS member_language,
                       k.name AS contact_name, k.email AS contact_email, k.language AS contact_language
                FROM credentials c
                LEFT JOIN members m ON m.id = c.member_id
                LEFT JOIN contacts k ON k.id = c.contact_id
                WHERE c.token_hash = \(bind: tokenHash) AND c.kind = \(bind: kind)
                  AND (c.member_id IS NULL OR m.active = \(bind: true))
                """
            ).first(),
            try row.decode(column: "expires_at", as: Date.self) > now
        else { return nil }
        let credentialID = try row.decode(column: "credential_id", as: UUID.self)
        let csrf = try row.decode(column: "csrf_token", as: String.self)
        if let memberID = try row.decode(column: "member_id", as: UUID?.self), let name = try row.decode(column: "member_name", as: String?.self) {
            let role = try StoredValue.known(
                try row.decode(column: "member_role", as: String.self), as: MemberRole.self,
                table: "members", id: memberID, column: "role")
            let language = try StoredValue.known(
                try row.decode(column: "member_language", as: String.self), as: Language.self,
                table: "members", id: memberID, column: "language")
            return CredentialHolder(
                credentialID: credentialID, csrfToken: csrf,
                person: .member(id: memberID, role: role, workspaceID: try row.decode(column: "workspace_id", as: UUID.self)),
                name: name, email: try row.decode(column: "member_email", as: String.self), language: language)
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
            let language = try StoredValue.known(
                try row.decode(column: "contact_language", as: String.self), as: Language.self,
                table: "contacts", id: contactID, column: "language")
            return CredentialHolder(
                credentialID: credentialID, csrfToken: csrf, person: .contact(id: contactID, grants: byProject),
                name: name, email: try row.decode(column: "contact_email", as: String.self), language: language)
        }
        return nil
    }

    /// Stores a new credential for a token already hashed by the caller.
    public static func create(
        kind: String, tokenHash: String, memberID: UUID?, contactID: UUID?, csrfToken: String,
        now: Date, lifetime: TimeInterval, on db: any Database
    ) async throws {
        try await CredentialRecord(
            kind: kind, tokenHash: tokenHash, memberID: memberID, contactID: contactID,
            csrfToken: csrfToken, createdAt: now, expiresAt: now.addingTimeInterval(lifetime)
        ).create(on: db)
    }

    public static func delete(_ credentialID: UUID, on db: any Database) async throws {
        try await CredentialRecord.query(on: db).filter(\.$id == credentialID).delete()
    }
}
