import Foundation

/// The words a rendered report needs, in the reader's language (the web layer fills them from its catalogue).
public struct ReportLabels: Sendable {
    public var title: String
    public var period: String
    public var health: [ReportHealth: String]
    public var sections: [ReportContent.Section: String]
    public var milestones: String
    public var waiting: String
    public var item: String
    public var progress: String
    public var date: String
    public var dueDate: String
    public var forecast: String
    public var slip: String
    public var submitted: String
    public var waitingDays: String
    public var none: String

    public init(
        title: String, period: String, health: [ReportHealth: String], sections: [ReportContent.Section: String], milestones: String,
        waiting: String, item: String, progress: String, date: String, dueDate: String, forecast: String, slip: String, submitted: String,
        waitingDays: String, none: String
    ) {
        self.title = title
        self.period = period
        self.health = health
        self.sections = sections
        self.milestones = milestones
        self.waiting = waiting
        self.item = item
        self.progress = progress
        self.date = date
        self.dueDate = dueDate
        self.forecast = forecast
        self.slip = slip
        self.submitted = submitted
        self.waitingDays = waitingDays
        self.none = none
    }
}

/// A report as plain text and as plain HTML tables (what e-mail clients render well; no CSS beyond inline basics).
public enum ReportRenderer {
    /// Sections in the order a reader meets them.
    public static let order: [ReportContent.Section] = [.done, .inProgress, .next, .risks, .concerns, .changes]

    public static func text(_ content: ReportContent, _ labels: ReportLabels) -> String {
        var out = "\(labels.title) · \(content.projectName)\n\(labels.period): \(content.periodStart) – \(content.periodEnd)\n"
        out += "\(labels.health[content.health] ?? content.health.rawValue): \(content.healthReason)\n\n\(content.summary)\n"
        for section in order {
            let lines = content[section]
            out += "\n\(labels.sections[section] ?? section.rawValue)\n"
            if lines.isEmpty { out += "- \(labels.none)\n" }
            for line in lines {
                let extra = [line.progress.map { "\($0) %" }, line.date].compactMap { $0 }.joined(separator: ", ")
                out += "- \(line.title)\(extra.isEmpty ? "" : " (\(extra))")\n"
            }
        }
        out += "\n\(labels.milestones)\n"
        if content.milestones.isEmpty { out += "- \(labels.none)\n" }
        for milestone in content.milestones {
            out += "- \(milestone.name): \(labels.dueDate) \(milestone.dueDate)"
            if let forecast = milestone.forecastDate { out += ", \(labels.forecast) \(forecast)" }
            if let slip = milestone.slipDays { out += ", \(labels.slip) \(slip)" }
            out += "\n"
        }
        out += "\n\(labels.waiting)\n"
        if content.waitingOnCustomer.isEmpty { out += "- \(labels.none)\n" }
        for waiting in content.waitingOnCustomer {
            out += "- \(waiting.name) (\(waiting.milestoneName))\(waiting.waitingDays.map { ", \(labels.waitingDays) \($0)" } ?? "")\n"
        }
        return out
    }

    public static func htmlTables(_ content: ReportContent, _ labels: ReportLabels) -> String {
        let cell = "style=\"border:1px solid #ccc;padding:4px 8px;text-align:left\""
        func table(_ heads: [String], _ rows: [[String]]) -> String {
            guard !rows.isEmpty else { return "<p>\(escape(labels.none))</p>" }
            let head = heads.map { "<th \(cell)>\(escape($0))</th>" }.joined()
            let body = rows.map { "<tr>" + $0.map { "<td \(cell)>\(escape($0))</td>" }.joined() + "</tr>" }.joined(separator: "\n")
            return "<table style=\"border-collapse:collapse;width:100%\"><tr>\(head)</tr>\n\(body)</table>"
        }
        var out = "<h2>\(escape(labels.health[content.health] ?? content.health.rawValue))</h2><p>\(escape(content.healthReason))</p>"
        out += "<p>\(escape(content.summary))</p>"
        for section in order {
            out += "<h3>\(escape(labels.sections[section] ?? section.rawValue))</h3>"
            out += table(
                [labels.item, labels.progress, labels.date],
                content[section].map { [$0.title, $0.progress.map { "\($0) %" } ?? "", $0.date ?? ""] })
        }
        out += "<h3>\(escape(labels.milestones))</h3>"
        out += table(
            [labels.item, labels.dueDate, labels.forecast, labels.slip],
            content.milestones.map { [$0.name, $0.dueDate, $0.forecastDate ?? "", $0.slipDays.map(String.init) ?? ""] })
        out += "<h3>\(escape(labels.waiting))</h3>"
        out += table(
            [labels.item, labels.submitted, labels.waitingDays],
            content.waitingOnCustomer.map { [$0.name, $0.submittedOn ?? "", $0.waitingDays.map(String.init) ?? ""] })
        return out
    }

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}
