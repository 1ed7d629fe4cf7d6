import Domain
import Foundation

/// The customer portal's project page: a calm page with only what the customer may see, and the
/// actions waiting for them. Renders a `PortalProjectModel`; reads nothing else.
enum PortalProjectView {
    static func render(_ c: PageContext, _ model: PortalProjectModel) -> HTML {
        let goals: [HTML] = model.goals.map { "<li>\($0)</li>" }
        let previewQuery = model.preview?.query ?? ""
        let planBlocks = PlanSections.plan(
            c, charts: model.chartsBase, ganttQuery: "?zoom=\(model.zoom.rawValue)" + (previewQuery.isEmpty ? "" : "&" + previewQuery),
            zoom: zoomLinks(c, model), comparison: DecisionViews.lateList(c, model.milestones.map(\.milestone), outlooks: model.outlooks),
            isEmpty: model.planIsEmpty, chartQuery: previewQuery.isEmpty ? "" : "?" + previewQuery)
        let notice: HTML =
            model.notice.map { "<p class=\"notice\" role=\"status\" id=\"notice\" data-notice=\"\($0.rawValue)\">\(c.t($0.key))</p>" } ?? .empty
        return """
            <div class="portal">\(model.preview.map { $0.banner(c, projectID: model.projectID) } ?? .empty)\(notice)<h1>\(model.name)</h1>
            <p class="no-print"><a class="button secondary" id="messages-link" href="\(PagePath.portalMessages(model.projectID))">\(c.t("messages.link"))</a></p>
            <section class="card"><div class="summary">\(Layout.progress(model.summary.progress, label: c.t("field.progress")))\
            <span>\(c.labelled("field.endDate"))\(model.summary.endDate?.description ?? "—")</span></div><h2>\(c.t("field.goals"))</h2><ul>\(goals)</ul>\
            <p class="no-print"><a id="communication-link" href="\(PagePath.portalCommunication(model.projectID))">\(c.t("comms.portalLink"))</a></p></section>
            \(waiting(c, model))
            \(model.reports.portalSection(c))
            \(model.meetings.section(c, timeZone: model.timeZone, canAct: model.preview == nil))
            \(planBlocks)
            <section class="card no-print" id="scope"><h2>\(c.t("scope.title"))</h2>\(scope(c, model))</section>
            <section class="card no-print" id="milestones"><h2>\(c.t("milestones.title"))</h2>\
            \(model.milestones.isEmpty ? "<p class=\"empty\">—</p>" : HTML.empty)\(model.milestones.map { milestone(c, $0, model) })</section>
            \(work(c, model))
            \(activity(c, model))
            </div>
            """
    }

    /// The scales of the Gantt chart, keeping a preview's contact.
    static func zoomLinks(_ c: PageContext, _ model: PortalProjectModel) -> HTML {
        let extra = model.preview.map { $0.query.isEmpty ? "" : "&" + $0.query } ?? ""
        let links: [HTML] = GanttZoom.allCases.map { zoom in
            zoom == model.zoom
                ? "<strong aria-current=\"true\">\(c.t("plan.zoom.\(zoom.rawValue)"))</strong>"
                : "<a href=\"\(url: "\(model.chartsBase)?zoom=\(zoom.rawValue)\(extra)#plan")\">\(c.t("plan.zoom.\(zoom.rawValue)"))</a>"
        }
        return "<p class=\"zoom no-print\" id=\"portal-zoom\">\(c.labelled("plan.zoom"))\(HTML.joined(links, separator: " · "))</p>"
    }

    /// The newest customer-visible history entries, new ones since the contact's last visit marked.
    static func activity(_ c: PageContext, _ model: PortalProjectModel) -> HTML {
        """
        <section class="card no-print" id="activity"><h2>\(c.t("activity.recent"))</h2>\
        \(ActivityView.list(c, model.activity[...], since: model.activitySince, timeZone: model.timeZone))</section>
        """
    }

    static func waiting(_ c: PageContext, _ model: PortalProjectModel) -> HTML {
        var rows: [HTML] = []
        // A contact without the right is told who decides, not asked to sign off what they can't.
        let approvers = model.approvers.joined(separator: c.t("portal.nameSeparator"))
        if let scope = model.waitingScope {
            let text =
                model.canApprove ? c.t("portal.waitScope", String(scope.number)) : c.t("portal.waitScopeOther", String(scope.number), approvers)
            rows.append("<li><a href=\"#scope\">\(text)</a></li>")
        }
        for deliverable in model.waitingDeliverables {
            let text =
                model.canApprove ? c.t("portal.waitDeliverable", deliverable.name) : c.t("portal.waitDeliverableOther", deliverable.name, approvers)
            rows.append("<li><a href=\"#d-\(deliverable.id.uuidString)\">\(text)</a></li>")
        }
        rows += model.meetings.waitingRows(c)
        var body: HTML = rows.isEmpty ? "<p class=\"empty\">\(c.t("portal.nothingWaiting"))</p>" : "<ul>\(rows)</ul>"
        if !model.canApprove {
            let who = model.approvers.isEmpty ? c.t("portal.noApprover") : c.t("portal.whoApproves", approvers)
            body = "\(body)<p class=\"hint\" id=\"who-approves\">\(who)</p>"
        }
        return "<section class=\"card no-print\" id=\"waiting\"><h2>\(c.t("portal.waiting"))</h2>\(body)</section>"
    }

    static func scope(_ c: PageContext, _ model: PortalProjectModel) -> HTML {
        guard let current = model.scope else { return "<p class=\"empty\">\(c.t("portal.noScope"))</p>" }
        let f = FormFields(c, "sign-off-\(current.number)", model.form)
        let changes = FormFields(c, "request-changes-\(current.number)", model.form)
        let decide: HTML =
            ScopeFlow.canSignOff(current.status) && model.canApprove
            ? """
            \(c.form(
                action: "\(model.chartsBase)/scope-versions/\(current.number)/sign-off", cssClass: "sign-off-scope",
                """
                \(f.textarea("comment", label: c.t("portal.comment"), rows: 2))
                <button type="submit">\(c.t("portal.signOff"))</button>
                """))\(c.form(
                action: "\(model.chartsBase)/scope-versions/\(current.number)/request-changes", cssClass: "request-changes-scope",
                """
                \(changes.textarea("comment", label: c.t("portal.requestChangesWhy"), rows: 2, "required"))
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
            \(diff)\(ScopeView.lists(c, current, timeZone: model.timeZone, names: model.names))\(model.files.portal(c, current.id))\
            \(PortalReceipt.view(c, model.receipts[current.id]))\(decide)</article>\
            \(signed)
            """
    }

    static func milestone(_ c: PageContext, _ detail: MilestoneDetail, _ model: PortalProjectModel) -> HTML {
        let rows: [HTML] = detail.deliverables.map { d in
            let back = FormFields(c, "return-\(d.id.uuidString)", model.form)
            let decide: HTML =
                DeliverableFlow.allows(.accept, from: d.status) && model.canApprove
                ? """
                \(c.form(action: "\(PagePath.portalDecision(d.id, .accept))", cssClass: "inline accept-deliverable", """
                <button type="submit">\(c.t("portal.accept"))</button>
                """))\(c.form(action: "\(PagePath.portalDecision(d.id, .`return`))", cssClass: "return-deliverable", """
                \(back.textarea("comment", label: c.t("portal.returnWhy"), rows: 2, "required"))\
                <button type="submit" class="secondary">\(c.t("portal.return"))</button>
                """))
                """ : .empty
            return """
                <li id="d-\(d.id.uuidString)"><strong>\(d.name)</strong> <span class="tag \(d.status.rawValue)">\(c.t("deliverable.status.\(d.status.rawValue)"))</span>\
                \(d.acceptanceCriteria.map { "<div class=\"muted\">\(c.labelled("deliverable.criteria"))\($0)</div>" as HTML } ?? .empty)\
                \(d.link.map { "<div><a href=\"\(url: $0)\" rel=\"noopener noreferrer\">\(c.t("deliverable.open"))</a></div>" as HTML } ?? .empty)\
                \(d.submissionNote.map { "<div>\($0)</div>" as HTML } ?? .empty)\
                \(DecisionViews.deliverableRecord(c, d, names: model.names, timeZone: model.timeZone))\(model.files.portal(c, d.id))\
                \(PortalReceipt.view(c, model.receipts[d.id]))\(decide)</li>
                """
        }
        return
            "<article class=\"milestone\" id=\"m-\(detail.milestone.id.uuidString)\"><h3>◆ \(detail.milestone.name) <small class=\"date\">\(detail.milestone.dueDate.description)</small> \(DecisionViews.lateBadge(c, model.outlooks[detail.milestone.id]))</h3><ul class=\"list\">\(rows)</ul></article>"
    }

    static func work(_ c: PageContext, _ model: PortalProjectModel) -> HTML {
        let rows: [HTML] = model.work.map { row in
            "<tr><td>\(row.title)</td><td class=\"date\">\(row.finish.description)</td><td class=\"status\">\(c.t("workStatus.\(row.status.rawValue)"))</td><td>\(Layout.progress(row.progress, label: row.title))</td></tr>"
        }
        return """
            <section class="card no-print" id="work"><h2>\(c.t("work.title"))</h2><div class="scroll"><table><thead><tr><th>\(c.t("field.title"))</th>\
            <th>\(c.t("field.dueDate"))</th><th>\(c.t("field.status"))</th><th>\(c.t("field.progress"))</th></tr></thead><tbody>\(rows)</tbody></table></div>\
            \(model.pager.links(c))</section>
            """
    }
}
