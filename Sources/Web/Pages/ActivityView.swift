import Domain
import Foundation

/// A project's history as a list, newest first, with the entries since the viewer's last visit marked;
/// shared by the team's history page and the portal.
enum ActivityView {
    /// - Parameter since: the viewer's previous visit; entries after it are marked new (none on a first visit).
    static func list(_ c: PageContext, _ items: ArraySlice<ActivityItem>, since: Date?, timeZone: String) -> HTML {
        guard !items.isEmpty else { return "<p class=\"empty\">\(c.t("activity.none"))</p>" }
        let rows: [HTML] = items.map { item in
            let isNew = since.map { item.entry.at > $0 } ?? false
            let mark: HTML = isNew ? " <span class=\"tag new\">\(c.t("activity.new"))</span>" : .empty
            return """
                <li class="activity-entry\(isNew ? " new" : "")" data-action="\(item.entry.action)" data-object-type="\(item.entry.objectType)">\
                <time datetime="\(timestamp(item.entry.at))">\(local(item.entry.at, timeZone: timeZone))</time> \
                \(ActivityText.summary(item, catalogue: c.catalogue, language: c.language))\(mark)</li>
                """
        }
        return "<ol class=\"activity\">\(rows)</ol>"
    }

    /// "3 new since your last visit (2026-05-04 09:30)", or the first-visit line.
    static func since(_ c: PageContext, _ items: [ActivityItem], since: Date?, timeZone: String) -> HTML {
        guard let since else { return "<p class=\"muted since-visit\">\(c.t("activity.firstVisit"))</p>" }
        let count = items.filter { $0.entry.at > since }.count
        return
            "<p class=\"since-visit\" data-new-count=\"\(count)\">\(c.t("activity.sinceVisit", String(count), local(since, timeZone: timeZone)))</p>"
    }

    static func local(_ date: Date, timeZone: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: timeZone) ?? .gmt
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    private static func timestamp(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }
}
