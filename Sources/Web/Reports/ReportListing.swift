import Domain
import Fluent
import Foundation
import Persistence

/// A project's reports for its page: the team's (drafts too, with the feedback received) or the portal's (published).
struct ReportListing {
    struct Row {
        var id: UUID
        var number: Int?
        var periodStart: String
        var periodEnd: String
        var health: ReportHealth
        var publishedAt: Date?
    }

    var rows: [Row] = []
    var feedback: [FeedbackResponse] = []

    static func load(projectID: UUID, publishedOnly: Bool, on db: any Database) async throws -> ReportListing {
        let records = try await StatusReportStore.list(projectID: projectID, publishedOnly: publishedOnly, on: db).prefix(20)
        let rows = try records.map { record in
            Row(
                id: try record.requireID(), number: record.number, periodStart: record.periodStart, periodEnd: record.periodEnd,
                health: try record.report().health, publishedAt: record.publishedAt)
        }
        let feedback = publishedOnly ? [] : try await FeedbackResponse.list(reportIDs: rows.map(\.id), on: db)
        return ReportListing(rows: rows, feedback: feedback)
    }

    /// The reports section of the team's project page: the list, each report's feedback, and "draft a report".
    func teamSection(_ c: PageContext, projectID: UUID, timeZone: String) -> HTML {
        let items: [HTML] = rows.map { row in
            let title = row.number.map { c.t("report.number", String($0)) } ?? c.t("report.draft")
            let answers = feedback.filter { $0.reportId == row.id }
            return """
                <li class="report-row" id="report-\(row.id.uuidString)"><a href="\(PagePath.statusReport(row.id))">\(title)</a> \
                <span class="tag health-\(row.health.rawValue)">\(c.t("report.health.\(row.health.rawValue)"))</span> \
                <small class="muted">\(row.periodStart) – \(row.periodEnd)\(row.publishedAt.map { " · " + c.t("report.published", c.date($0, in: timeZone)) } ?? "")</small>\
                \(answers.isEmpty ? HTML.empty : ReportView.feedback(c, answers, timeZone: timeZone))</li>
                """
        }
        let list: HTML = rows.isEmpty ? "<p class=\"empty\">\(c.t("report.noneYet"))</p>" : "<ul class=\"list\">\(items)</ul>"
        return """
            <section class="card no-print" id="reports"><h2>\(c.t("report.list"))</h2>\
            \(list)
            \(c.form(action: "\(PagePath.projectStatusReports(projectID))", id: "draft-report", "<button type=\"submit\" id=\"draft-report-button\">\(c.t("report.draftButton"))</button>"))</section>
            """
    }

    /// The published reports in the portal.
    func portalSection(_ c: PageContext) -> HTML {
        guard !rows.isEmpty else { return .empty }
        let items: [HTML] = rows.map { row in
            """
            <li><a href="\(PagePath.portalStatusReport(row.id))">\(row.number.map { c.t("report.number", String($0)) } ?? "")</a> \
            <span class="tag health-\(row.health.rawValue)">\(c.t("report.health.\(row.health.rawValue)"))</span> \
            <small class="muted">\(row.periodStart) – \(row.periodEnd)</small></li>
            """
        }
        return "<section class=\"card\" id=\"reports\"><h2>\(c.t("report.list"))</h2><ul class=\"list\">\(items)</ul></section>"
    }
}
