import Domain
import Fluent
import Foundation
import SQLKit

/// A saved communication plan with what the jobs need to know of it.
public struct StoredCommunicationPlan: Sendable, Equatable {
    public var projectID: UUID
    public var plan: CommunicationPlan
    /// When the plan was first saved: occurrences before it were never agreed, so adherence counts from here.
    public var agreedAt: Date
    public var reportDraftedFor: Date?
    public var meetingScheduledFor: Date?
}

/// A plan the jobs look at, with the project's calendar.
public struct PlanForJobs: Sendable {
    public var stored: StoredCommunicationPlan
    public var timeZone: String
    public var startDate: String
}

/// Communication plans: one per project.
public enum CommunicationPlanStore {
    public static func find(projectID: UUID, on db: any Database) async throws -> StoredCommunicationPlan? {
        guard let row = try await CommunicationPlanRecord.query(on: db).filter(\.$projectID == projectID).first() else { return nil }
        return try stored(row)
    }

    /// Saves `plan` as the project's plan (the first save records when it was agreed); call inside a write transaction.
    public static func save(_ plan: CommunicationPlan, projectID: UUID, on db: any Database) async throws -> StoredCommunicationPlan {
        let row = try await CommunicationPlanRecord.query(on: db).filter(\.$projectID == projectID).first() ?? CommunicationPlanRecord()
        if row.id == nil {
            row.projectID = projectID
            row.createdAt = plan.updatedAt
        }
        row.reportEvery = plan.reportCadence.every.rawValue
        row.reportWeekday = plan.reportCadence.weekday
        row.reportTime = plan.reportCadence.timeText
        row.meetingEvery = plan.meetings?.cadence.every.rawValue
        row.meetingWeekday = plan.meetings?.cadence.weekday
        row.meetingTime = plan.meetings?.cadence.timeText
        row.meetingMinutes = plan.meetings?.durationMinutes
        row.meetingVideoLink = plan.meetings?.videoLink
        row.responseTargetHours = plan.responseTargetHours
        row.channelsJSON = encode(plan.channels)
        row.updatedAt = plan.updatedAt
        try await row.save(on: db)
        return try stored(row)
    }

    /// Every plan of a project that is planning or active and not archived, with its calendar, in one query: what the
    /// jobs' tick reads.
    public static func plansForJobs(on db: any Database) async throws -> [PlanForJobs] {
        let rows = try await CommunicationPlanRecord.query(on: db)
            .join(ProjectRecord.self, on: \CommunicationPlanRecord.$projectID == \ProjectRecord.$id)
            .filter(ProjectRecord.self, \.$archived == false)
            .filter(ProjectRecord.self, \.$status ~~ [.planning, .active])
            .all()
        return try rows.map { row in
            let project = try row.joined(ProjectRecord.self)
            return PlanForJobs(stored: try stored(row), timeZone: project.timeZone, startDate: project.startDate)
        }
    }

    /// Marks `occurrence` as the report occurrence drafted for; false when it already was (another run got there
    /// first), so the caller drafts nothing. Call inside the write transaction that drafts.
    public static func claimReportOccurrence(_ occurrence: Date, projectID: UUID, on db: any Database) async throws -> Bool {
        guard let row = try await CommunicationPlanRecord.query(on: db).filter(\.$projectID == projectID).first() else { return false }
        if let done = row.reportDraftedFor, done >= occurrence { return false }
        row.reportDraftedFor = occurrence
        try await row.update(on: db)
        return true
    }

    /// The meeting twin of `claimReportOccurrence`.
    public static func claimMeetingOccurrence(_ occurrence: Date, projectID: UUID, on db: any Database) async throws -> Bool {
        guard let row = try await CommunicationPlanRecord.query(on: db).filter(\.$projectID == projectID).first() else { return false }
        if let done = row.meetingScheduledFor, done >= occurrence { return false }
        row.meetingScheduledFor = occurrence
        try await row.update(on: db)
        return true
    }

    // MARK: mapping

    private struct StoredRoute: Codable {
        var topic: String
        var via: [String]
    }

    static func encode(_ routes: [CommunicationPlan.Route]) -> String {
        let stored = routes.map { StoredRoute(topic: $0.topic.rawValue, via: $0.via.map(\.rawValue)) }
        return (try? String(decoding: JSONEncoder().encode(stored), as: UTF8.self)) ?? "[]"
    }

    static func stored(_ row: CommunicationPlanRecord) throws -> StoredCommunicationPlan {
        let id = try row.requireID()
        func bad(_ column: String) -> StoredValueError { StoredValueError(table: CommunicationPlanRecord.schema, id: id, column: column) }
        func cadence(_ every: String?, _ weekday: Int?, _ time: String?, _ column: String) throws -> Cadence {
            guard let every = every.flatMap(Cadence.Every.init(rawValue:)), let weekday, (1...7).contains(weekday),
                let (hour, minute) = time.flatMap(Cadence.time)
            else { throw bad(column) }
            return Cadence(every: every, weekday: weekday, hour: hour, minute: minute)
        }
        let report = try cadence(row.reportEvery, row.reportWeekday, row.reportTime, "report_every")
        var meetings: CommunicationPlan.Meetings?
        if row.meetingEvery != nil {
            meetings = CommunicationPlan.Meetings(
                cadence: try cadence(row.meetingEvery, row.meetingWeekday, row.meetingTime, "meeting_every"),
                durationMinutes: row.meetingMinutes ?? 30, videoLink: row.meetingVideoLink)
        }
        guard let routes = try? JSONDecoder().decode([StoredRoute].self, from: Data(row.channelsJSON.utf8)) else { throw bad("channels_json") }
        let channels = try routes.map { route in
            guard let topic = CommunicationPlan.Topic(rawValue: route.topic) else { throw bad("channels_json") }
            return CommunicationPlan.Route(
                topic: topic, via: try route.via.map { try ContactChannel(rawValue: $0) ?? { throw bad("channels_json") }() })
        }
        let plan = CommunicationPlan(
            reportCadence: report, meetings: meetings, responseTargetHours: row.responseTargetHours, channels: channels, updatedAt: row.updatedAt)
        return StoredCommunicationPlan(
            projectID: row.projectID, plan: plan, agreedAt: row.createdAt, reportDraftedFor: row.reportDraftedFor,
            meetingScheduledFor: row.meetingScheduledFor)
    }
}
