import Domain
import Fluent
import Foundation
import SQLKit

/// Status reports and the feedback on them: every query of the reports lives here.
public enum StatusReportStore {
    public static func find(_ id: UUID, on db: any Database) async throws -> StatusReportRecord? {
        try await StatusReportRecord.find(id, on: db)
    }

    /// The project's reports, newest first (drafts first, then by number); `publishedOnly` for a contact.
    public static func list(projectID: UUID, publishedOnly: Bool, on db: any Database) async throws -> [StatusReportRecord] {
        var query = StatusReportRecord.query(on: db).filter(\.$projectID == projectID)
        if publishedOnly { query = query.filter(\.$status == "published") }
        let rows = try await query.all()
        return rows.sorted { a, b in
            if a.isPublished != b.isPublished { return !a.isPublished }
            if a.number != b.number { return (a.number ?? 0) > (b.number ?? 0) }
            return a.createdAt > b.createdAt
        }
    }

    /// The draft of exactly this period, if the project has one.
    public static func draft(projectID: UUID, periodStart: LocalDate, periodEnd: LocalDate, on db: any Database) async throws
        -> StatusReportRecord?
    {
        try await StatusReportRecord.query(on: db).filter(\.$projectID == projectID).filter(\.$status == "draft")
            .filter(\.$periodStart == periodStart.description).filter(\.$periodEnd == periodEnd.description).first()
    }

    /// The newest published report of the project.
    public static func latestPublished(projectID: UUID, on db: any Database) async throws -> StatusReportRecord? {
        try await StatusReportRecord.query(on: db).filter(\.$projectID == projectID).filter(\.$status == "published")
            .sort(\.$number, .descending).first()
    }

    /// The number the next published report of the project gets (call inside the publishing transaction).
    public static func nextNumber(projectID: UUID, on db: any Database) async throws -> Int {
        let highest = try await StatusReportRecord.query(on: db).filter(\.$projectID == projectID).max(\.$number)
        return (highest ?? 0) + 1
    }

    /// The active contacts invited to the project (whom a published report is sent to), by name.
    public static func recipients(projectID: UUID, on db: any Database) async throws -> [ContactRecord] {
        let ids = try await ProjectContactRecord.query(on: db).filter(\.$projectID == projectID).all().map(\.contactID)
        guard !ids.isEmpty else { return [] }
        return try await ContactRecord.query(on: db).filter(\.$id ~~ ids).filter(\.$active == true).sort(\.$name).sort(\.$id).all()
    }

    /// The latest baseline's milestone due dates; nil when the project has none.
    public static func latestBaselineMilestones(projectID: UUID, on db: any Database) async throws -> [UUID: LocalDate]? {
        guard
            let latest = try await BaselineRecord.query(on: db).filter(\.$projectID == projectID).sort(\.$createdAt, .descending)
                .sort(\.$id, .descending).first(),
            let stored = try await BaselineStore.load(id: try latest.requireID(), projectID: projectID, on: db)
        else { return nil }
        return stored.milestones
    }

    /// The day each work item last reached 100 %, from its progress history.
    public static func finishedAt(projectID: UUID, on db: any Database) async throws -> [UUID: Date] {
        var finished: [UUID: Date] = [:]
        for event in try await PlanStore.progressEvents(projectID: projectID, on: db) {
            if event.progress >= 100 { finished[event.workItemID] = event.at } else { finished[event.workItemID] = nil }
        }
        return finished
    }

    /// When each submitted deliverable of the project was submitted (those submitted before this was recorded have none).
    public static func submittedAt(projectID: UUID, on db: any Database) async throws -> [UUID: Date] {
        guard let sql = db as? any SQLDatabase else { return [:] }
        let rows = try await sql.select().columns("id", "submitted_at").from("deliverables")
            .where("project_id", .equal, SQLBind(projectID)).where("status", .equal, SQLBind("submitted")).all()
        var result: [UUID: Date] = [:]
        for row in rows {
            if let at = try row.decodeNil(column: "submitted_at") ? nil : try row.decode(column: "submitted_at", as: Date.self) {
                result[try row.decode(column: "id", as: UUID.self)] = at
            }
        }
        return result
    }

    /// Records when a deliverable was submitted (inside the submitting transaction).
    public static func markSubmitted(_ deliverableID: UUID, at: Date, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.update("deliverables").set("submitted_at", to: SQLBind(at)).where("id", .equal, SQLBind(deliverableID)).run()
    }

    // MARK: feedback

    /// Inserts the feedback unless the contact already gave it under the same `onceKey` for this report; nil then.
    public static func addFeedback(_ row: FeedbackRecord, on db: any Database) async throws -> FeedbackRecord? {
        if try await existingFeedback(reportID: row.reportID, contactID: row.contactID, onceKey: row.onceKey, on: db) != nil { return nil }
        try await row.create(on: db)
        return row
    }

    public static func existingFeedback(reportID: UUID, contactID: UUID, onceKey: String, on db: any Database) async throws -> FeedbackRecord? {
        try await FeedbackRecord.query(on: db).filter(\.$reportID == reportID).filter(\.$contactID == contactID)
            .filter(\.$onceKey == onceKey).first()
    }

    /// Every answer to the project's published reports, oldest first (satisfaction and response-time figures read these:
    /// a `question`'s `at` starts the clock).
    public static func feedback(projectID: UUID, on db: any Database) async throws -> [FeedbackRecord] {
        let reports = try await StatusReportRecord.query(on: db).filter(\.$projectID == projectID).filter(\.$status == "published").all()
        return try await feedback(reportIDs: try reports.map { try $0.requireID() }, on: db)
    }

    /// Every answer to the reports given, oldest first.
    public static func feedback(reportIDs: [UUID], on db: any Database) async throws -> [FeedbackRecord] {
        guard !reportIDs.isEmpty else { return [] }
        return try await FeedbackRecord.query(on: db).filter(\.$reportID ~~ reportIDs).sort(\.$at).sort(\.$id).all()
    }
}
