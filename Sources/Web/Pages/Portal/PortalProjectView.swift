import Domain
import Foundation

/// The customer portal's project page: a calm page with only what the customer may see, and the
/// actions waiting for them. Renders a `PortalProjectModel`; reads nothing else.
enum PortalProjectView {
    static func render(_ c: PageContext, _ model: PortalProjectModel) -> HTML {
        let goals: [HTML] = model.goals.map { "<li>\($0)</li>" }
        let planBlocks = PlanSections.plan(
            c, charts: model.chartsBase, ganttQuery: "", zoom: .empty,
            comparison: DecisionViews.lateList(c, model.milestones.map(\.milestone), outlooks: model.outlooks))
        let notice: HTML =
            model.notice.map { "<p class=\"notice\" role=\"status\" id=\"notice\" data-notice=\"\($0.rawValue)\">\(c.t($0.key))</p>" } ?? .empty
        return """
            <div class="portal">\(notice)<h1>\(model.name)</h1>
            <section class="card"><div class="summary">\(Layout.progress(model.summary.progress, label: c.t("field.progress")))\
            <span>\(c.t("field.endDate")): \(model.summary.endDate?.description ?? "—")</span></div><h2>\(c.t("field.goals"))</h2><ul>\(goals)</ul></section>
            \(waiting(c, model))
            \(planBlocks)
            <section class="card no-print" id="scope"><h2>\(c.t("scope.title"))</h2>\(scope(c, model))</section>
            <section class="card no-print" id="milestones"><h2>\(c.t("milestones.title"))</h2>\
            \(model.milestones.isEmpty ? "<p class=\"empty\">—</p>" : HTML.empty)\(model.milestones.map { milestone(c, $0, model) })</section>
            \(work(c, model))
            </div>
            """
    }

    static func waiting(_ c: PageContext, _ model: PortalProjectModel) -> HTML {
        var rows: [HTML] = []
        if let scope = model.waitingScope { rows.append("<li><a href=\"#scope\">\(c.t("portal.waitScope", String(scope.number)))</a></li>") }
        for deliverable in model.waitingDeliverables {
            rows.append("<li><a href=\"#d-\(deliverable.id.uuidString)\">\(c.t("portal.waitDeliverable", deliverable.name))</a></li>")
        }
        let body: HTML = rows.isEmpty ? "<p class=\"empty\">\(c.t("portal.nothingWaiting"))</p>" : "<ul>\(rows)</ul>"
        return "<section class=\"card no-print\" id=\"waiting\"><h2>\(c.t("portal.waiting"))</h2>\(body)</section>"
    }

    static func scope(_ c: PageContext, _ model: PortalProjectModel) -> HTML {
        guard let current = model.scope else { return "<p class=\"empty\">\(c.t("portal.noScope"))</p>" }
        let decide: HTML =
            ScopeFlow.canSignOff(current.status) && model.canApprove
            ? """
            \(c.form(
                action: "\(model.chartsBase)/scope-versions/\(current.number)/sign-off", cssClass: "sign-off-scope",
                """
                <label>\(c.t("portal.comment"))<textarea name="comment" rows="2"></textarea></label>
                <button type="submit">\(c.t("portal.signOff"))</button>
                """))\(c.form(
                action: "\(model.chartsBase)/scope-versions/\(current.number)/request-changes", cssClass: "request-changes-scope",
                """
                <label>\(c.t("portal.requestChangesWhy"))<textarea name="comment" rows="2" required></textarea></label>
                <button type="submit" class="secondary">\(c.t("portal.requestChanges"))</button>
                """))
            """ : .empty
        let diff: HTML =
            model.signedScope.map { ScopeDiffView.render(c, ScopeDiff(current, against: $0), signedAnchor: "scope-v\($0.number)") } ?? .empty
        let signed: HTML =
            model.signedScope.map { signed in
                """
                <article class="scope-version signed" id="scope-v\(signed.number)"><h3>\(c.t("scope.signedVersion", String(signed.number)))</h3>\
                \(ScopeView.lists(c, signed, timeZone: model.timeZone, names: model.names))\(PortalReceipt.view(c, model.receipts[signed.id]))</article>
                """
            } ?? .empty
        return """
            <article class="scope-version current" id="scope-v\(current.number)">\
            <h3>\(c.t("scope.version", String(current.number))) <span class="scope-status tag \(current.status.rawValue)">\(c.t("scope.status.\(current.status.rawValue)"))</span></h3>\
            \(diff)\(ScopeView.lists(c, current, timeZone: model.timeZone, names: model.names))\(PortalReceipt.view(c, model.receipts[current.id]))\(decide)</article>\
            \(signed)
            """
    }

    static func milestone(_ c: PageContext, _ detail: MilestoneDetail, _ model: PortalProjectModel) -> HTML {
        let rows: [HTML] = detail.deliverables.map { d in
            let decide: HTML =
                DeliverableFlow.allows(.accept, from: d.status) && model.canApprove
                ? """
                \(c.form(action: "\(PagePath.portalDecision(d.id, .accept))", cssClass: "inline accept-deliverable", """
                <button type="submit">\(c.t("portal.accept"))</button>
                """))\(c.form(action: "\(PagePath.portalDecision(d.id, .`return`))", cssClass: "return-deliverable", """
                <label>\(c.t("portal.returnWhy"))<textarea name="comment" rows="2" required></textarea></label>\
                <button type="submit" class="secondary">\(c.t("portal.return"))</button>
                """))
                """ : .empty
            return """
                <li id="d-\(d.id.uuidString)"><strong>\(d.name)</strong> <span class="tag \(d.status.rawValue)">\(c.t("deliverable.status.\(d.status.rawValue)"))</span>\
                \(d.acceptanceCriteria.map { "<div class=\"muted\">\(c.t("deliverable.criteria")): \($0)</div>" as HTML } ?? .empty)\
                \(d.link.map { "<div><a href=\"\(url: $0)\" rel=\"noopener noreferrer\">\(c.t("deliverable.open"))</a></div>" as HTML } ?? .empty)\
                \(d.submissionNote.map { "<div>\($0)</div>" as HTML } ?? .empty)\
                \(DecisionViews.deliverableRecord(c, d, names: model.names, timeZone: model.timeZone))\(PortalReceipt.view(c, model.receipts[d.id]))\(decide)</li>
                """
        }
        return
            "<article class=\"milestone\" id=\"m-\(detail.milestone.id.uuidString)\"><h3>◆ \(detail.milestone.name) <small>\(detail.milestone.dueDate.description)</small> \(DecisionViews.lateBadge(c, model.outlooks[detail.milestone.id]))</h3><ul class=\"list\">\(rows)</ul></article>"
    }

    static func work(_ c: PageContext, _ model: PortalProjectModel) -> HTML {
        let rows: [HTML] = model.work.map { row in
            "<tr><td>\(row.title)</td><td>\(row.finish.description)</td><td>\(c.t("workStatus.\(row.status.rawValue)"))</td><td>\(Layout.progress(row.progress, label: row.title))</td></tr>"
        }
        return """
            <section class="card no-print" id="work"><h2>\(c.t("work.title"))</h2><div class="scroll"><table><thead><tr><th>\(c.t("field.title"))</th>\
            <th>\(c.t("field.dueDate"))</th><th>\(c.t("field.status"))</th><th>\(c.t("field.progress"))</th></tr></thead><tbody>\(rows)</tbody></table></div>\
            \(model.pager.links(c))</section>
            """
    }
}
