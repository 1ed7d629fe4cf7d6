import Domain
import Foundation
import Persistence

/// The jobs that carry out every project's communication plan. Each minute: draft the report an occurrence makes due
/// (and tell the team it waits for review) and put the meeting the cadence makes due in the calendar; what is due is
/// decided in Domain (`CommunicationDue`) from one read of the plans, and only the latest occurrence counts, so after
/// downtime each runs once. Every quarter of an hour: remind the team of customer questions nearing the reply target
/// (that reads each project's history, too much for every minute; a reminder a few minutes late is still in time).
enum CommunicationJobs {
    static let job = JobRegistry.Job(
        name: "communication-plans", keys: { _ in [""] }, nextDue: { ranAt, _ in ranAt.addingTimeInterval(60) },
        run: { at, _, ctx in try await runDue(at: at, in: ctx) > 0 })

    static let reminders = JobRegistry.Job(
        name: "question-reminders", keys: { _ in [""] }, nextDue: { ranAt, _ in ranAt.addingTimeInterval(15 * 60) },
        run: { at, _, ctx in try await remindDue(at: at, in: ctx) > 0 })

    /// A question is brought to the team's attention once this share of the reply target has passed unanswered.
    static let reminderShare = 0.75

    /// Reminds of the questions waiting too long in every project with a plan; returns how many reminders went out.
    static func remindDue(at: Date, in ctx: ActionContext) async throws -> Int {
        var reminded = 0
        for entry in try await CommunicationPlanStore.plansForJobs(on: ctx.db) {
            reminded += try await remindOfQuestions(entry.stored, at: at, in: ctx)
        }
        return reminded
    }

    /// Drafts the reports and schedules the meetings due at `at` for every plan; returns how many things it did.
    static func runDue(at: Date, in ctx: ActionContext) async throws -> Int {
        var done = 0
        for entry in try await CommunicationPlanStore.plansForJobs(on: ctx.db) {
            guard let timeZone = TimeZone(identifier: entry.timeZone), let start = LocalDate(entry.startDate) else { continue }
            let stored = entry.stored
            if let occurrence = CommunicationDue.reportToDraft(
                stored.plan, timeZone: timeZone, start: start, agreedAt: stored.agreedAt, draftedFor: stored.reportDraftedFor, now: at)
            {
                try await draftReport(for: occurrence, projectID: stored.projectID, timeZone: timeZone, in: ctx)
                done += 1
            }
            if let meetings = stored.plan.meetings,
                let occurrence = CommunicationDue.meetingToSchedule(
                    stored.plan, timeZone: timeZone, start: start, scheduledFor: stored.meetingScheduledFor, now: at)
            {
                try await scheduleMeeting(at: occurrence, meetings, projectID: stored.projectID, in: ctx)
                done += 1
            }
        }
        return done
    }

    /// Drafts the report of the period that ends the day before `occurrence` (in the project's time zone) and tells the
    /// team, once per occurrence. The draft is reused when one of that period exists (a person was faster).
    static func draftReport(for occurrence: Date, projectID: UUID, timeZone: TimeZone, in ctx: ActionContext) async throws {
        let end = LocalDate(occurrence, in: timeZone).adding(days: -1)
        let drafted = try await StatusReportActions.draft(projectID: projectID, periodStart: nil, periodEnd: end, in: ctx)
        let reportID = try drafted.report.requireID()
        let number = drafted.report.number
        try await ctx.write { db in
            guard try await CommunicationPlanStore.claimReportOccurrence(occurrence, projectID: projectID, on: db) else { return }
            try await TeamNotifications.enqueue(
                TeamNotice(
                    event: .reportDraftReady, projectID: projectID, actorName: nil,
                    object: number.map { "#\($0)" } ?? "\(drafted.report.periodStart) – \(drafted.report.periodEnd)", quote: nil,
                    path: "\(PagePath.statusReport(reportID))",
                    idempotencyKey: "report-draft-\(projectID.uuidString.lowercased())-\(Int(occurrence.timeIntervalSince1970))"),
                on: db, in: ctx)
        }
    }

    /// Puts the cadence's next meeting in the calendar (its agenda drafted from what is open, its invitations e-mailed),
    /// once per occurrence. The occurrence is marked first: after a crash between the two, one meeting is missing (the
    /// team sees it and schedules it) rather than invited twice.
    static func scheduleMeeting(at occurrence: Date, _ meetings: CommunicationPlan.Meetings, projectID: UUID, in ctx: ActionContext)
        async throws
    {
        let claimed = try await ctx.write { db in try await CommunicationPlanStore.claimMeetingOccurrence(occurrence, projectID: projectID, on: db) }
        guard claimed, let project = try await ProjectRecord.find(projectID, on: ctx.db) else { return }
        let language = try await CustomerRecord.find(project.customerID, on: ctx.db)?.language ?? .en
        _ = try await MeetingActions.create(
            CreateMeetingRequest(
                title: ctx.services.catalogue.text("comms.regularMeeting", language),
                startsAt: occurrence.formatted(Date.ISO8601FormatStyle(timeZone: .gmt)),
                durationMinutes: meetings.durationMinutes, videoLink: meetings.videoLink, agenda: nil, visibleToCustomer: true),
            projectID: projectID, in: ctx)
    }

    /// Tells the team of each customer question waiting longer than `reminderShare` of the target, once per question.
    static func remindOfQuestions(_ stored: StoredCommunicationPlan, at: Date, in ctx: ActionContext) async throws -> Int {
        let history = try await CommunicationHistoryReader.read(projectID: stored.projectID, in: ctx)
        let threshold = Double(stored.plan.responseTargetHours) * reminderShare * 3600
        var reminded = 0
        for question in history.openQuestions where at.timeIntervalSince(question.askedAt) >= threshold {
            let key = "question-reminder-\(stored.projectID.uuidString.lowercased())-\(Int(question.askedAt.timeIntervalSince1970))"
            let sent = try await ctx.write { db in
                guard try await !OutboxStore.exists(idempotencyKeyPrefix: key, on: db) else { return false }
                try await TeamNotifications.enqueue(
                    TeamNotice(
                        event: .questionNearingTarget, projectID: stored.projectID, actorName: question.askedBy,
                        object: question.excerpt.isEmpty ? question.askedBy : question.excerpt, quote: nil,
                        path: "\(PagePath.projectCommunication(stored.projectID))", idempotencyKey: key),
                    on: db, in: ctx)
                return true
            }
            if sent { reminded += 1 }
        }
        return reminded
    }
}
