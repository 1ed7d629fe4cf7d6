import Domain
import Fluent
import Foundation

/// Members of the team: by address, by workspace, and whether anyone exists yet.
public enum MemberStore {
    public static func count(on db: any Database) async throws -> Int {
        try await MemberRecord.query(on: db).count()
    }

    /// The member with this (lower-cased) address, if any.
    public static func byEmail(_ email: String, on db: any Database) async throws -> MemberRecord? {
        try await MemberRecord.query(on: db).filter(\.$email == email).first()
    }

    /// The first owner (the command line acts as them).
    public static func anOwner(on db: any Database) async throws -> MemberRecord? {
        try await MemberRecord.query(on: db).filter(\.$role == .owner).sort(\.$createdAt).first()
    }

    /// The workspace's members by name (pickers) …
    public static func byName(workspaceID: UUID, on db: any Database) async throws -> [MemberRecord] {
        try await MemberRecord.query(on: db).filter(\.$workspaceID == workspaceID).sort(\.$name).all()
    }

    /// … or one page of them in the order they joined.
    public static func page(workspaceID: UUID, offset: Int, limit: Int, on db: any Database) async throws -> [MemberRecord] {
        try await MemberRecord.query(on: db).filter(\.$workspaceID == workspaceID)
            .sort(\.$createdAt).sort(\.$id).range(offset..<(offset + limit)).all()
    }

    public static func setLanguage(_ language: Language, of memberID: UUID, on db: any Database) async throws {
        try await MemberRecord.query(on: db).filter(\.$id == memberID).set(\.$language, to: language).update()
    }

    /// How many active owners the workspace has (the last one can be neither demoted nor deactivated).
    public static func activeOwnerCount(workspaceID: UUID, on db: any Database) async throws -> Int {
        try await MemberRecord.query(on: db).filter(\.$workspaceID == workspaceID)
            .filter(\.$role == .owner).filter(\.$active == true).count()
    }

    /// Ends every page session and API token of the member at once, except `keeping` (the caller's own,
    /// when a member changes their own password).
    public static func revokeCredentials(of memberID: UUID, keeping: UUID? = nil, on db: any Database) async throws {
        var query = CredentialRecord.query(on: db).filter(\.$memberID == memberID)
        if let keeping { query = query.filter(\.$id != keeping) }
        try await query.delete()
    }

    /// A colleague's invitation by the SHA-256 of its token.
    public static func invitation(tokenHash: String, on db: any Database) async throws -> MemberInvitationRecord? {
        try await MemberInvitationRecord.query(on: db).filter(\.$tokenHash == tokenHash).first()
    }
}
