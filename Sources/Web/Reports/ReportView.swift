import Domain
import Foundation
import Persistence

/// A report's content as a page block: lists rather than tables, so it reads on a 375 px phone without sideways
/// scrolling, and prints as it is (the app's print CSS hides forms and buttons).
enum ReportView {
    /// The lines as a list, or "none" (an `HTML` value, so the lines stay markup).
    static func list(_ c: PageContext, _ lines: [HTML]) -> HTML {
        lines.isEmpty ? "<p class=\"muted\">\(c.t("report.none"))</p>" : "<ul>\(lines)</ul>"
    }

    static func render(_ c: PageContext, _ content: ReportContent, number: Int?) -> HTML {
        let title = number.map { c.t("report.number", String($0)) } ?? c.t("report.draft")
        let sections: [HTML] = ReportRenderer.order.map { section in
            let lines: [HTML] = content[section].map { line in
                let extra = [line.progress.map { "\($0) %" }, line.date].compactMap { $0 }.joined(separator: " · ")
                return "<li>\(line.title)\(extra.isEmpty ? HTML.empty : " <small class=\"muted\">\(extra)</small>")</li>"
            }
            return """
                <section class="report-section" id="report-\(section.rawValue)"><h3>\(c.t("report.section.\(section.rawValue)"))</h3>\
                \(list(c, lines))</section>
                """
        }
        let milestones: [HTML] = content.milestones.map { milestone in
            var facts = ["\(c.t("field.dueDate")) \(milestone.dueDate)"]
            if let forecast = milestone.forecastDate { facts.append("\(c.t("report.forecast")) \(forecast)") }
            if let slip = milestone.slipDays { facts.append("\(c.t("report.slip")) \(slip)") }
            return
                "<li\(milestone.late ? " class=\"late\"" : "")>◆ \(milestone.name) <small class=\"muted\">\(facts.joined(separator: " · "))</small></li>"
        }
        let waiting: [HTML] = content.waitingOnCustomer.map { waiting in
            "<li>\(waiting.name) <small class=\"muted\">\(waiting.milestoneName)\(waiting.waitingDays.map { " · \(c.t("report.waitingDays")) \($0)" } ?? "")</small></li>"
        }
        return """
            <h1>\(c.t("report.title")) · \(title)</h1>
            <p class="muted">\(content.projectName) · \(c.t("report.period")) \(content.periodStart) – \(content.periodEnd)</p>
            <p class="report-health"><span class="tag health-\(content.health.rawValue)" id="report-health">\(c.t("report.health.\(content.health.rawValue)"))</span> \
            \(content.healthReason)</p>
            <p class="report-summary" id="report-summary">\(content.summary)</p>
            \(sections)
            <section class="report-section" id="report-milestones"><h3>\(c.t("report.milestones"))</h3>\
            \(list(c, milestones))</section>
            <section class="report-section" id="report-waiting"><h3>\(c.t("report.waiting"))</h3>\
            \(list(c, waiting))</section>
            """
    }

    /// The answers received, for the team.
    static func feedback(_ c: PageContext, _ rows: [FeedbackResponse], timeZone: String) -> HTML {
        guard !rows.isEmpty else { return "<p class=\"muted\">\(c.t("report.noFeedback"))</p>" }
        let items: [HTML] = rows.map { row in
            let what = row.kind == .acknowledge ? c.t("report.acknowledged", row.contact.name) : c.t("report.asked", row.contact.name)
            let rating: HTML = row.rating.map { " · \(c.t("report.rating")) \(String(repeating: "★", count: $0))" } ?? .empty
            return """
                <li class="feedback \(row.kind.rawValue)"><strong>\(what)</strong> <small class="muted">\(c.date(row.at, in: timeZone))\(rating)</small>\
                \(row.comment.map { "<blockquote>\($0)</blockquote>" as HTML } ?? .empty)</li>
                """
        }
        return "<ul class=\"feedback-list\">\(items)</ul>"
    }
}
