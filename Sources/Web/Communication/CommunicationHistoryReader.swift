import Domain
import Foundation
import Persistence

/// What happened in a project's communication, read from its reports, the customer's feedback and the message thread:
/// what the plan's adherence, the figures and the reminders are computed from.
enum CommunicationHistoryReader {
    static func read(projectID: UUID, in ctx: ActionContext) async throws -> CommunicationHistory {
        let reports = try await StatusReportStore.list(projectID: projectID, publishedOnly: true, on: ctx.db)
        let feedback = try await StatusReportStore.feedback(projectID: projectID, on: ctx.db)
        let turns = try await turns(projectID: projectID, reports: reports, feedback: feedback, in: ctx)
        let figures = ResponseTimes.figures(turns.all, now: ctx.now)
        var excerpts = turns.excerpts
        let waitingMessages = figures.waiting.compactMap { $0.source.hasPrefix("message:") ? UUID(uuidString: String($0.source.dropFirst(8))) : nil }
        for (id, text) in try await MessageStore.excerpts(waitingMessages, on: ctx.db) { excerpts["message:\(id)"] = text }
        let meetings = try await MeetingStore.meetings(projectID: projectID, onlyCustomerVisible: false, on: ctx.db)
        return CommunicationHistory(
            publishedReports: reports.compactMap(\.publishedAt), meetings: meetings.filter { !$0.isCancelled }.map(\.startsAt),
            teamMedianHours: figures.teamMedianHours, customerMedianHours: figures.customerMedianHours,
            openQuestions: figures.waiting.map { (askedBy: $0.askedBy, askedAt: $0.askedAt, excerpt: excerpts[$0.source] ?? "") },
            ratings: feedback.compactMap(\.rating))
    }

    /// Every turn of the project: its messages, each published report (it awaits the customer's answer), and the
    /// customer's feedback (a question asks and answers; an acknowledgement answers). `excerpts` holds the start of
    /// each report question, by turn source.
    static func turns(projectID: UUID, reports: [StatusReportRecord], feedback: [FeedbackRecord], in ctx: ActionContext) async throws
        -> (all: [Turn], excerpts: [String: String])
    {
        var turns = try await MessageStore.turns(projectID: projectID, on: ctx.db)
        for report in reports {
            guard let at = report.publishedAt else { continue }
            turns.append(Turn(side: .team, at: at, asks: true, answers: false, by: "", source: "report:\(try report.requireID())"))
        }
        let names = try await NameLookup.contactNames(Array(Set(feedback.map(\.contactID))), on: ctx.db)
        var excerpts: [String: String] = [:]
        for row in feedback {
            let question = row.kind == .question
            let source = "report-\(row.kind.rawValue):\(try row.requireID())"
            if question, let comment = row.comment { excerpts[source] = String(comment.prefix(120)) }
            turns.append(Turn(side: .customer, at: row.at, asks: question, answers: true, by: names[row.contactID] ?? "", source: source))
        }
        return (turns, excerpts)
    }
}
