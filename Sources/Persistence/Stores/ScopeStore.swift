import Domain
import Fluent
import Foundation

/// A project's numbered scope versions.
public enum ScopeStore {
    /// Newest first.
    public static func versions(projectID: UUID, on db: any Database) async throws -> [ScopeVersionRecord] {
        try await ScopeVersionRecord.query(on: db).filter(\.$projectID == projectID).sort(\.$number, .descending).all()
    }

    public static func version(projectID: UUID, number: Int, on db: any Database) async throws -> ScopeVersionRecord? {
        try await ScopeVersionRecord.query(on: db).filter(\.$projectID == projectID).filter(\.$number == number).first()
    }
}

/// Single-use links (invitations, sign-in links) and the project grants they give.
public enum AccessLinkStore {
    public static func byTokenHash(_ hash: String, on db: any Database) async throws -> AccessLinkRecord? {
        try await AccessLinkRecord.query(on: db).filter(\.$tokenHash == hash).first()
    }

    /// Gives `contactID` the project, or updates the approval right of the grant they have.
    public static func grant(projectID: UUID, contactID: UUID, canApprove: Bool, now: Date, on db: any Database) async throws {
        if let grant = try await ProjectContactRecord.query(on: db).filter(\.$projectID == projectID).filter(\.$contactID == contactID).first() {
            grant.canApprove = canApprove
            try await grant.update(on: db)
        } else {
            try await ProjectContactRecord(projectID: projectID, contactID: contactID, canApprove: canApprove, createdAt: now).create(on: db)
        }
    }
}
