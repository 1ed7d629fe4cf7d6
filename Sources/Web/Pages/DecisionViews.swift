import Domain
import Fluent
import Foundation
import Persistence

/// Who decided what, shown the same way on the team page and in the portal: the signer of a scope version,
/// the contact who sent one back, the contact who accepted or returned a deliverable, with the time.
enum DecisionViews {
    /// The names of the contacts who signed, sent back or decided anything among `versions` and `deliverables`.
    static func names(versions: [ScopeVersion], deliverables: [Deliverable], on db: any Database) async throws -> [UUID: String] {
        let ids = Set(versions.flatMap { [$0.signedOffBy, $0.changesRequestedBy] }.compactMap { $0 } + deliverables.compactMap(\.decidedBy))
        var names: [UUID: String] = [:]
        for id in ids { names[id] = try await NameLookup.contactName(id, on: db) }
        return names
    }

    /// "Signed off by … on …" and "… asked for changes on …: “…”", as far as they apply.
    static func scopeRecord(_ c: PageContext, _ version: ScopeVersion, names: [UUID: String], timeZone: String) -> HTML {
        var lines: [HTML] = []
        if let at = version.signedOffAt {
            let who = version.signedOffBy.flatMap { names[$0] } ?? "—"
            let comment: HTML = version.signOffComment.map { " — “\($0)”" } ?? .empty
            lines.append("<p class=\"decision signed-by\">✓ \(c.t("scope.signedBy", who, c.date(at, in: timeZone)))\(comment)</p>")
        }
        if let at = version.changesRequestedAt {
            let who = version.changesRequestedBy.flatMap { names[$0] } ?? "—"
            lines.append(
                """
                <div class="decision changes-requested"><p>↩ \(c.t("scope.changesRequestedBy", who, c.date(at, in: timeZone)))</p>\
                <blockquote class="request-comment">\(version.changesRequestedComment ?? "")</blockquote></div>
                """)
        }
        return "\(lines)"
    }

    /// Who accepted or returned a deliverable and when, with the comment (the return reason) given.
    static func deliverableRecord(_ c: PageContext, _ deliverable: Deliverable, names: [UUID: String], timeZone: String) -> HTML {
        guard let at = deliverable.decidedAt, deliverable.status == .accepted || deliverable.status == .returned else { return .empty }
        let who = deliverable.decidedBy.flatMap { names[$0] } ?? "—"
        let key = deliverable.status == .accepted ? "deliverable.acceptedBy" : "deliverable.returnedBy"
        let comment: HTML =
            deliverable.decisionComment.map {
                let label = deliverable.status == .returned ? c.t("deliverable.returnReason") : c.t("deliverable.comment")
                return "<div class=\"decision-comment\"><span class=\"muted\">\(label)</span> <q>\($0)</q></div>"
            } ?? .empty
        return "<div class=\"decision decided-by\"><p>\(c.t(key, who, c.date(at, in: timeZone)))</p>\(comment)</div>"
    }

    /// What the team submitted: the link and the note (the team page; the portal shows them as the offer).
    static func submission(_ c: PageContext, _ deliverable: Deliverable) -> HTML {
        guard deliverable.link != nil || deliverable.submissionNote != nil else { return .empty }
        let link: HTML =
            deliverable.link.map {
                "<a class=\"submitted-link\" href=\"\(url: $0)\" rel=\"noopener noreferrer\">\($0)</a>"
            } ?? .empty
        let note: HTML = deliverable.submissionNote.map { "<span class=\"submitted-note\">\($0)</span>" } ?? .empty
        return "<div class=\"submission muted\">\(c.t("deliverable.submitted")) \(link) \(note)</div>"
    }

    /// "⚠ Late: work forecast to finish …" next to a milestone; nothing when it is on time.
    static func lateBadge(_ c: PageContext, _ outlook: MilestoneOutlook?) -> HTML {
        guard let outlook, outlook.late, let forecast = outlook.forecastDate else { return .empty }
        return
            "<span class=\"tag late\" data-late=\"true\">⚠ \(c.t("milestone.late"))</span> <small class=\"late-note\">\(c.t("milestone.lateNote", forecast.description))</small>"
    }

    /// The late milestones as a printable list under the Gantt chart (the print handout keeps only the plan).
    static func lateList(_ c: PageContext, _ milestones: [Milestone], outlooks: [UUID: MilestoneOutlook]) -> HTML {
        let rows: [HTML] = milestones.compactMap { milestone in
            guard let outlook = outlooks[milestone.id], outlook.late, let forecast = outlook.forecastDate else { return nil }
            return "<li>⚠ <strong>\(milestone.name)</strong> — \(c.t("milestone.lateLine", milestone.dueDate.description, forecast.description))</li>"
        }
        return rows.isEmpty
            ? .empty : "<div class=\"late-milestones\" id=\"late-milestones\"><h3>\(c.t("milestone.atRisk"))</h3><ul>\(rows)</ul></div>"
    }
}
