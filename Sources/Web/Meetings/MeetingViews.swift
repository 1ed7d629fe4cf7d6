import Domain
import Foundation

/// How a meeting's time reads on a page: in the project's time zone, `2026-12-03 10:00`.
enum MeetingTime {
    static func text(_ date: Date, timeZone: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? .gmt
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func pad(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        return "\(p.year ?? 1970)-\(pad(p.month))-\(pad(p.day)) \(pad(p.hour)):\(pad(p.minute))"
    }

    /// A form's `2026-12-03T10:00` (a `datetime-local` field, read in the project's time zone), or a full RFC 3339
    /// instant as the API takes it; nil when it is neither.
    static func parse(_ text: String, timeZone: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let instant = Instant.parse(trimmed) { return instant }
        let withSeconds = trimmed.count == 16 ? trimmed + ":00" : trimmed
        guard let utc = Instant.parse(withSeconds + "Z"), let zone = TimeZone(identifier: timeZone) else { return nil }
        let shifted = utc.addingTimeInterval(-TimeInterval(zone.secondsFromGMT(for: utc)))
        return utc.addingTimeInterval(-TimeInterval(zone.secondsFromGMT(for: shifted)))
    }
}

/// The parts of pages about meetings that both sides share.
enum MeetingViews {
    static func agenda(_ c: PageContext, _ meeting: Meeting) -> HTML {
        let lines: [HTML] = meeting.agenda.map { "<li>\($0)</li>" }
        let list: HTML = lines.isEmpty ? "<p class=\"empty\">—</p>" : "<ol class=\"agenda\">\(lines)</ol>"
        return "<h3>\(c.t("meetings.agenda"))</h3>\(list)"
    }

    static func videoLink(_ c: PageContext, _ meeting: Meeting) -> HTML {
        meeting.videoLink.map { "<a class=\"video-link\" href=\"\(url: $0)\" rel=\"noopener noreferrer\">\(c.t("meetings.join"))</a>" } ?? .empty
    }

    /// The minutes as written: notes, decisions and action items (with what became of each).
    static func minutes(_ c: PageContext, _ minutes: Minutes) -> HTML {
        let decisions: [HTML] = minutes.decisions.map { "<li>\($0)</li>" }
        let items: [HTML] = minutes.actionItems.map { item in
            let state: HTML =
                item.doneAt != nil
                ? " <span class=\"tag done\">\(c.t("meetings.done"))</span>"
                : item.workItemID != nil ? " <span class=\"tag\">\(c.t("meetings.workItem"))</span>" : .empty
            return
                "<li class=\"action-item\" data-owner=\"\(item.owner.rawValue)\">\(item.title) · \(c.t("meetings.owner.\(item.owner.rawValue)")) · \(item.dueDate.description)\(state)</li>"
        }
        let decisionList: HTML = decisions.isEmpty ? "<p class=\"empty\">—</p>" : "<ul>\(decisions)</ul>"
        let itemList: HTML = items.isEmpty ? "<p class=\"empty\">—</p>" : "<ul class=\"action-items\">\(items)</ul>"
        return """
            <div class="minutes"><p class="notes">\(minutes.notes)</p>\
            <h4>\(c.t("meetings.decisionsShown"))</h4>\(decisionList)\
            <h4>\(c.t("meetings.actionItems"))</h4>\(itemList)</div>
            """
    }
}
