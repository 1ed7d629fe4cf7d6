import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// A status report as the API answers it: the snapshot's fields at the top level, with its state.
struct StatusReportResponse: Encodable {
    var id: UUID
    var projectId: UUID
    var status: String
    var number: Int?
    var periodStart: String
    var periodEnd: String
    var language: Language
    var health: ReportHealth
    var healthReason: String
    var summary: String
    var done: [ReportLine]
    var inProgress: [ReportLine]
    var next: [ReportLine]
    var milestones: [ReportMilestone]
    var waitingOnCustomer: [ReportWaiting]
    var risks: [ReportLine]
    var concerns: [ReportLine]
    var changes: [ReportLine]
    var createdAt: Date
    var updatedAt: Date
    var publishedAt: Date?
    var contentHash: String?
    /// The answers received (team only).
    var feedback: [FeedbackResponse]?

    init(_ record: StatusReportRecord, feedback: [FeedbackResponse]?) throws {
        let content = try record.report()
        id = try record.requireID()
        projectId = record.projectID
        status = record.status
        number = record.number
        periodStart = record.periodStart
        periodEnd = record.periodEnd
        language = content.language
        health = content.health
        healthReason = content.healthReason
        summary = content.summary
        done = content.done
        inProgress = content.inProgress
        next = content.next
        milestones = content.milestones
        waitingOnCustomer = content.waitingOnCustomer
        risks = content.risks
        concerns = content.concerns
        changes = content.changes
        createdAt = record.createdAt
        updatedAt = record.updatedAt
        publishedAt = record.publishedAt
        contentHash = record.contentHash
        self.feedback = feedback
    }
}

struct FeedbackResponse: Encodable {
    var id: UUID
    var reportId: UUID
    var contact: PersonRef
    var kind: FeedbackKind
    var rating: Int?
    var comment: String?
    var via: String
    var at: Date

    init(_ record: FeedbackRecord, contactName: String) throws {
        id = try record.requireID()
        reportId = record.reportID
        contact = PersonRef(id: record.contactID, name: contactName)
        kind = record.kind
        rating = record.rating
        comment = record.comment
        via = record.via
        at = record.at
    }
}

extension FeedbackResponse {
    /// The answers to `reportIDs` with their contacts' names, oldest first.
    static func list(reportIDs: [UUID], on db: any Database) async throws -> [FeedbackResponse] {
        let rows = try await StatusReportStore.feedback(reportIDs: reportIDs, on: db)
        let names = try await NameLookup.contactNames(Array(Set(rows.map(\.contactID))), on: db)
        return try rows.map { try FeedbackResponse($0, contactName: names[$0.contactID] ?? "") }
    }
}

extension Request {
    /// The report of `:reportID`, decided against the route's rule: a draft is hidden from contacts (404).
    func authorizedReport() async throws -> StatusReportRecord {
        guard let report = try await StatusReportStore.find(try uuidParameter("reportID"), on: db) else { throw DomainError.notFound }
        try await authorize(projectID: report.projectID, visibleToCustomer: report.isPublished)
        return report
    }
}
