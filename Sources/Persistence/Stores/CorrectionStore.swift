import Domain
import Fluent
import Foundation
import SQLKit

/// The reads and writes behind editing and removing: what depends on a row, and the removals themselves. Every
/// removal runs inside the caller's transaction, after the caller checked the `Corrections` rule.
public enum CorrectionStore {
    /// Titles of the work items that depend on `workItemID`.
    public static func dependents(of workItemID: UUID, on db: any Database) async throws -> [String] {
        let sql = db as! any SQLDatabase
        let rows = try await sql.select().column(SQLColumn("title", table: "work_items")).from("work_item_dependencies")
            .join("work_items", on: SQLColumn("id", table: "work_items"), .equal, SQLColumn("work_item_id", table: "work_item_dependencies"))
            .where(SQLColumn("depends_on_id", table: "work_item_dependencies"), .equal, SQLBind(workItemID)).all()
        return try rows.map { try $0.decode(column: "title", as: String.self) }
    }

    /// Removes a work item with its own dependency links and progress history.
    public static func deleteWorkItem(_ id: UUID, on db: any Database) async throws {
        try await WorkItemDependencyRecord.query(on: db).group(.or) { $0.filter(\.$workItemID == id).filter(\.$dependsOnID == id) }.delete()
        try await ProgressEventRecord.query(on: db).filter(\.$workItemID == id).delete()
        try await WorkItemRecord.query(on: db).filter(\.$id == id).delete()
    }

    public static func deliverableStatuses(milestoneID: UUID, on db: any Database) async throws -> [DeliverableStatus] {
        try await DeliverableRecord.query(on: db).filter(\.$milestoneID == milestoneID).all().map(\.status)
    }

    /// Removes a milestone with its (open) deliverables; its work items stay, without a milestone. Returns how many
    /// work items were detached.
    @discardableResult
    public static func deleteMilestone(_ id: UUID, on db: any Database) async throws -> Int {
        let detached = try await WorkItemRecord.query(on: db).filter(\.$milestoneID == id).count()
        try await WorkItemRecord.query(on: db).filter(\.$milestoneID == id).set(\.$milestoneID, to: nil).update()
        try await DeliverableRecord.query(on: db).filter(\.$milestoneID == id).delete()
        try await MilestoneRecord.query(on: db).filter(\.$id == id).delete()
        return detached
    }

    public static func deleteDeliverable(_ id: UUID, on db: any Database) async throws {
        try await DeliverableRecord.query(on: db).filter(\.$id == id).delete()
    }

    /// Whether the contact signed a scope version or decided a deliverable: then their name must stay on the record.
    public static func contactHasDecided(_ contactID: UUID, on db: any Database) async throws -> Bool {
        let signed = try await ScopeVersionRecord.query(on: db).filter(\.$signedOffBy == contactID).count()
        let decided = try await DeliverableRecord.query(on: db).filter(\.$decidedBy == contactID).count()
        return signed + decided > 0
    }

    /// The projects the contact was granted.
    public static func contactProjects(_ contactID: UUID, on db: any Database) async throws -> [UUID] {
        try await ProjectContactRecord.query(on: db).filter(\.$contactID == contactID).all().map(\.projectID)
    }

    /// Ends every session and API token of the contact and voids their unused links, at once.
    public static func cutOffContact(_ contactID: UUID, on db: any Database) async throws {
        try await CredentialRecord.query(on: db).filter(\.$contactID == contactID).delete()
        try await AccessLinkRecord.query(on: db).filter(\.$contactID == contactID).filter(\.$usedAt == nil).delete()
    }

    /// Removes a contact who decided nothing, with their grants, links and credentials.
    public static func deleteContact(_ contactID: UUID, on db: any Database) async throws {
        try await cutOffContact(contactID, on: db)
        try await AccessLinkRecord.query(on: db).filter(\.$contactID == contactID).delete()
        try await ProjectContactRecord.query(on: db).filter(\.$contactID == contactID).delete()
        try await ContactRecord.query(on: db).filter(\.$id == contactID).delete()
    }

    /// The latest date of the project's work items and milestones, as planned (nil when it has none).
    public static func latestPlannedDate(projectID: UUID, on db: any Database) async throws -> LocalDate? {
        let items = try await WorkItemRecord.query(on: db).filter(\.$projectID == projectID).max(\.$dueDate)
        let milestones = try await MilestoneRecord.query(on: db).filter(\.$projectID == projectID).max(\.$dueDate)
        return [items, milestones].compactMap { $0.flatMap(LocalDate.init) }.max()
    }
}
