import Domain
import Fluent
import Foundation
import SQLKit

/// Secret calendar feeds: one per person; the token itself is never stored, only its hash.
public enum CalendarFeedStore {
    /// Replaces the person's feed with one for `tokenHash` (the old URL stops working); call inside a write.
    public static func replace(memberID: UUID?, contactID: UUID?, tokenHash: String, now: Date, on db: any Database) async throws {
        try await revoke(memberID: memberID, contactID: contactID, on: db)
        let record = CalendarFeedRecord()
        record.tokenHash = tokenHash
        record.memberID = memberID
        record.contactID = contactID
        record.createdAt = now
        try await record.create(on: db)
    }

    /// Removes the person's feed; true when there was one.
    @discardableResult
    public static func revoke(memberID: UUID?, contactID: UUID?, on db: any Database) async throws -> Bool {
        guard let existing = try await feed(memberID: memberID, contactID: contactID, on: db) else { return false }
        try await existing.delete(on: db)
        return true
    }

    /// The person's feed, if they made one.
    public static func feed(memberID: UUID?, contactID: UUID?, on db: any Database) async throws -> CalendarFeedRecord? {
        if let memberID { return try await CalendarFeedRecord.query(on: db).filter(\.$memberID == memberID).first() }
        if let contactID { return try await CalendarFeedRecord.query(on: db).filter(\.$contactID == contactID).first() }
        return nil
    }

    /// The person a feed token belongs to, shaped like a credential's holder (grants for a contact); nil for an
    /// unknown or revoked token, and for a deactivated member or contact.
    public static func holder(tokenHash: String, on db: any Database) async throws -> CredentialHolder? {
        guard let feed = try await CalendarFeedRecord.query(on: db).filter(\.$tokenHash == tokenHash).first() else { return nil }
        let feedID = try feed.requireID()
        if let memberID = feed.memberID {
            guard let member = try await MemberRecord.find(memberID, on: db), member.active else { return nil }
            return CredentialHolder(
                credentialID: feedID, csrfToken: "", person: .member(id: memberID, role: member.role, workspaceID: member.workspaceID),
                name: member.name, email: member.email, language: member.language)
        }
        guard let contactID = feed.contactID, let contact = try await ContactRecord.find(contactID, on: db), contact.active else { return nil }
        let grants = try await ProjectContactRecord.query(on: db).filter(\.$contactID == contactID).all()
        var byProject: [UUID: Bool] = [:]
        for grant in grants { byProject[grant.projectID] = (byProject[grant.projectID] ?? false) || grant.canApprove }
        return CredentialHolder(
            credentialID: feedID, csrfToken: "", person: .contact(id: contactID, grants: byProject),
            name: contact.name, email: contact.email, language: contact.language)
    }
}

extension CalendarFeedStore {
    /// The milestones of several projects in one query (a person's feed spans them); internal ones left out when
    /// `onlyCustomerVisible`.
    public static func milestones(projectIDs: [UUID], onlyCustomerVisible: Bool, on db: any Database) async throws -> [Milestone] {
        guard !projectIDs.isEmpty else { return [] }
        var query = MilestoneRecord.query(on: db).filter(\.$projectID ~~ projectIDs)
        if onlyCustomerVisible { query = query.filter(\.$visibleToCustomer == true) }
        return try await query.sort(\.$dueDate).sort(\.$id).all().map { try $0.domain() }
    }
}
