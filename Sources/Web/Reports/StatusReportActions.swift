import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// Status reports: drafted from the plan, edited by the team, published as an immutable numbered snapshot (e-mailed
/// to each invited contact in their language and posted to the customer's chats), and answered by the customer.
enum StatusReportActions {
    /// The longest period a report may cover.
    static let maxPeriodDays = 366
    static let maxCommentLength = 2_000

    /// Drafts the report of the period (default: the 7 days before today in the project's time zone, or from the day
    /// after the last published report's period). An existing draft of the same period is returned instead of a second
    /// one (`created` false). Works for any identity: a job drafts with `.anonymous` and no author.
    static func draft(projectID: UUID, periodStart: LocalDate?, periodEnd: LocalDate?, in ctx: ActionContext) async throws
        -> (report: StatusReportRecord, created: Bool)
    {
        guard let project = try await ProjectRecord.find(projectID, on: ctx.db) else { throw DomainError.notFound }
        let timeZone = TimeZone(identifier: project.timeZone) ?? .gmt
        let today = LocalDate(ctx.now, in: timeZone)
        let period = try await self.period(projectID: projectID, start: periodStart, end: periodEnd, today: today, on: ctx.db)
        if let existing = try await StatusReportStore.draft(
            projectID: projectID, periodStart: period.lowerBound, periodEnd: period.upperBound, on: ctx.db)
        {
            return (existing, false)
        }
        let content = try await compose(project, period: period, today: today, in: ctx)
        let record = StatusReportRecord()
        record.projectID = projectID
        record.status = "draft"
        record.periodStart = period.lowerBound.description
        record.periodEnd = period.upperBound.description
        record.content = String(decoding: try content.canonicalJSON(), as: UTF8.self)
        record.createdBy = ctx.identity.memberID
        record.createdAt = ctx.now
        record.updatedAt = ctx.now
        return try await ctx.write { db in
            // Two drafters of one period at once (a job and a person): the second gets the first one's draft.
            if let raced = try await StatusReportStore.draft(
                projectID: projectID, periodStart: period.lowerBound, periodEnd: period.upperBound, on: db)
            {
                return (raced, false)
            }
            try await record.create(on: db)
            return (record, true)
        }
    }

    /// `draft` for the API's body: the dates are checked strictly first (`periodStart`, `periodEnd`).
    static func draft(projectID: UUID, _ input: DraftStatusReportRequest, in ctx: ActionContext) async throws
        -> (report: StatusReportRecord, created: Bool)
    {
        try await draft(
            projectID: projectID, periodStart: try input.periodStart.map { try Validate.date($0, field: "periodStart") },
            periodEnd: try input.periodEnd.map { try Validate.date($0, field: "periodEnd") }, in: ctx)
    }

    /// The period asked for, completed by the defaults; refused when it ends before it starts or is longer than a year.
    static func period(projectID: UUID, start: LocalDate?, end: LocalDate?, today: LocalDate, on db: any Database) async throws
        -> ClosedRange<LocalDate>
    {
        var from = start
        var to = end ?? today.adding(days: -1)
        if from == nil {
            if end == nil, let last = try await StatusReportStore.latestPublished(projectID: projectID, on: db),
                let lastEnd = LocalDate(last.periodEnd)
            {
                from = lastEnd.adding(days: 1)
                to = max(to, lastEnd.adding(days: 1))
            } else {
                from = to.adding(days: -6)
            }
        }
        let lower = from ?? to
        if end == nil, to < lower { to = lower }
        guard lower <= to else { throw DomainError.validation(field: "periodEnd", rule: .beforePeriodStart) }
        guard lower.days(to: to) < maxPeriodDays else {
            throw DomainError.validation(field: "periodEnd", rule: .tooMany(maxPeriodDays, unit: "days"))
        }
        return lower...to
    }

    /// Loads what the drafter needs and drafts (no write).
    static func compose(_ project: ProjectRecord, period: ClosedRange<LocalDate>, today: LocalDate, in ctx: ActionContext) async throws
        -> ReportContent
    {
        let projectID = try project.requireID()
        let plan = try await ProjectPlan.load(project, customerView: false, in: ctx)
        let timeZone = plan.timeZone
        let language = try await CustomerRecord.find(project.customerID, on: ctx.db)?.language ?? .en
        let finished = try await StatusReportStore.finishedAt(projectID: projectID, on: ctx.db).mapValues { LocalDate($0, in: timeZone) }
        let submitted = try await StatusReportStore.submittedAt(projectID: projectID, on: ctx.db).mapValues { LocalDate($0, in: timeZone) }
        let baseline = try await StatusReportStore.latestBaselineMilestones(projectID: projectID, on: ctx.db)
        let input = ReportInput(
            projectName: project.name, language: language, period: period, today: today, items: plan.items, milestones: plan.milestones,
            deliverables: plan.milestoneDetails.flatMap(\.deliverables), schedule: plan.schedule.spans, doneMilestones: plan.doneMilestones,
            finishedOn: finished, submittedOn: submitted, baselineDue: baseline, calendar: plan.calendar)
        return ReportDrafter.draft(input)
    }

    /// Edits a draft; a published report is immutable (409).
    static func update(_ report: StatusReportRecord, _ input: UpdateStatusReportRequest, in ctx: ActionContext) async throws -> StatusReportRecord {
        let summary = try input.summary.map { try Validate.text($0, field: "summary", max: 2_000) }
        let health = try input.health.map { text -> ReportHealth in
            guard let health = ReportHealth(rawValue: text) else { throw DomainError.validation(field: "health", rule: .notAllowed) }
            return health
        }
        let reason = try input.healthReason.map { try Validate.optionalText($0, field: "healthReason", max: 500) ?? "" }
        var sections: [(ReportContent.Section, [String])] = []
        for section in ReportContent.Section.allCases {
            guard let lines = input.lines(section) else { continue }
            let cleaned = try lines.map { try Validate.text($0, field: section.rawValue, max: 300) }
            guard cleaned.count <= 500 else { throw DomainError.validation(field: section.rawValue, rule: .tooMany(500, unit: "lines")) }
            sections.append((section, cleaned))
        }
        let id = try report.requireID()
        let now = ctx.now
        let edits = sections
        return try await ctx.write { db in
            guard let fresh = try await StatusReportStore.find(id, on: db) else { throw DomainError.notFound }
            guard !fresh.isPublished else { throw DomainError.conflict("a published status report cannot be changed") }
            var content = try fresh.report()
            if let summary { content.summary = summary }
            if let health { content.health = health }
            if let reason { content.healthReason = reason }
            for (section, lines) in edits { content.setLines(section, titles: lines) }
            fresh.content = String(decoding: try content.canonicalJSON(), as: UTF8.self)
            fresh.updatedAt = now
            try await fresh.update(on: db)
            return fresh
        }
    }
}
