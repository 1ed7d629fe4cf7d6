import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// The customer portal: a calm page per project with only what the customer may see,
/// and the actions waiting for them.
struct PortalPages {
    func register(_ app: any RoutesBuilder) {
        app.endpoint(.GET, "portal", rule: .contact, surface: .page, use: index)
        app.endpoint(.GET, "portal", "projects", ":projectID", rule: .projectView, surface: .page, use: show)
        app.endpoint(.POST, "portal", "projects", ":projectID", "scope-versions", ":number", "sign-off", rule: .projectApprove, surface: .page, use: signOff)
        app.endpoint(.POST, "portal", "deliverables", ":deliverableID", "accept", rule: .projectApprove, surface: .page, use: accept)
        app.endpoint(.POST, "portal", "deliverables", ":deliverableID", "return", rule: .projectApprove, surface: .page, use: giveBack)
    }

    @Sendable func index(req: Request) async throws -> Response {
        let c = try await PageContext.make(req)
        let projects = try await ProjectActions.visibleProjects(in: req.context)
        if projects.count == 1, let only = projects.first { return Layout.redirect("/portal/projects/\(only.id!.uuidString)") }
        let rows: [HTML] = projects.map { "<li><a href=\"/portal/projects/\($0.id!.uuidString)\">\($0.name)</a></li>" }
        return Layout.page(c, title: c.t("nav.myProjects"), "<h1>\(c.t("nav.myProjects"))</h1><section class=\"card\"><ul class=\"list\">\(rows)</ul></section>")
    }

    @Sendable func show(req: Request) async throws -> Response {
        let c = try await PageContext.make(req)
        let project = try await req.authorizedProject()
        let projectID = project.id!
        let canApprove = c.identity.grants[projectID] == true
        // The whole plan is scheduled, so internal work still moves dates; the charts name only visible items.
        let plan = try await ProjectPlan.load(project, customerView: true, in: req.context)
        let visibleItems = plan.items(customerView: true)
        let milestones = plan.milestoneDetails(customerView: true)
        let versions = try await ScopeStore.versions(projectID: projectID, on: req.db)
        let current = versions.first { $0.status == .proposed } ?? versions.first { $0.status == .signedOff }
        let summary = PlanSummary(plan, customerView: true)
        let progress = summary.progress
        let endDate = summary.endDate
        let base = "/portal/projects/\(projectID.uuidString)"
        let planBlocks = PlanSections.plan(c, charts: base, ganttQuery: "", zoom: .empty, comparison: .empty)

        var waiting: [HTML] = []
        if let current, ScopeFlow.canSignOff(current.status) {
            waiting.append("<li><a href=\"#scope\">\(c.t("portal.waitScope", String(current.number)))</a></li>")
        }
        for deliverables in milestones.map(\.deliverables) {
            for deliverable in deliverables where DeliverableFlow.waitsOnCustomer(deliverable.status) {
                waiting.append("<li><a href=\"#d-\(deliverable.id.uuidString)\">\(c.t("portal.waitDeliverable", deliverable.name))</a></li>")
            }
        }
        let receipts = try await PortalReceipt.load(scope: current, milestones: milestones, on: req.db)
        let goals: [HTML] = JSONList.decode(project.goalsJSON).map { "<li>\($0)</li>" }
        let scope: HTML
        if let current {
            let signForm: HTML = ScopeFlow.canSignOff(current.status) && canApprove
                ? c.form(action: "\(base)/scope-versions/\(current.number)/sign-off", cssClass: "sign-off-scope", """
                    <label>\(c.t("portal.comment"))<textarea name="comment" rows="2"></textarea></label>
                    <button type="submit">\(c.t("portal.signOff"))</button>
                    """)
                : .empty
            scope = """
                <h3>\(c.t("scope.version", String(current.number))) <span class="scope-status tag \(current.status.rawValue)">\(c.t("scope.status.\(current.status.rawValue)"))</span></h3>\
                \(ScopeView.lists(c, current, timeZone: project.timeZone))\(PortalReceipt.view(c, receipts[current.id!]))\(signForm)
                """
        } else {
            scope = "<p class=\"empty\">\(c.t("portal.noScope"))</p>"
        }
        let milestoneBlocks: [HTML] = milestones.map { detail in
            let milestone = detail.milestone
            let rows: [HTML] = detail.deliverables.map { d in
                let decide: HTML = DeliverableFlow.allows(.accept, from: d.status) && canApprove ? """
                    \(c.form(action: "/portal/deliverables/\(d.id.uuidString)/accept", cssClass: "inline accept-deliverable", """
                    <button type="submit">\(c.t("portal.accept"))</button>
                    """))\(c.form(action: "/portal/deliverables/\(d.id.uuidString)/return", cssClass: "return-deliverable", """
                    <label>\(c.t("portal.returnWhy"))<textarea name="comment" rows="2" required></textarea></label>\
                    <button type="submit" class="secondary">\(c.t("portal.return"))</button>
                    """))
                    """ : .empty
                return """
                    <li id="d-\(d.id.uuidString)"><strong>\(d.name)</strong> <span class="tag \(d.status.rawValue)">\(c.t("deliverable.status.\(d.status.rawValue)"))</span>\
                    \(d.acceptanceCriteria.map { "<div class=\"muted\">\(c.t("deliverable.criteria")): \($0)</div>" as HTML } ?? .empty)\
                    \(d.link.map { "<div><a href=\"\(url: $0)\" rel=\"noopener noreferrer\">\(c.t("deliverable.open"))</a></div>" as HTML } ?? .empty)\
                    \(d.submissionNote.map { "<div>\($0)</div>" as HTML } ?? .empty)\(PortalReceipt.view(c, receipts[d.id]))\(decide)</li>
                    """
            }
            return "<article class=\"milestone\"><h3>◆ \(milestone.name) <small>\(milestone.dueDate.description)</small></h3><ul class=\"list\">\(rows)</ul></article>"
        }
        let pager = Pager(req, count: visibleItems.count, anchor: "work")
        // The customer sees when each item is now expected to finish, after dependencies and the calendar.
        let workRows: [HTML] = visibleItems[pager.range].map { item in
            "<tr><td>\(item.title)</td><td>\((plan.schedule[item.id]?.earlyFinish ?? item.dueDate).description)</td><td>\(c.t("workStatus.\(item.status.rawValue)"))</td><td>\(Layout.progress(item.progress, label: item.title))</td></tr>"
        }
        return Layout.page(c, title: project.name, """
            <div class="portal"><h1>\(project.name)</h1>
            <section class="card"><div class="summary">\(Layout.progress(progress, label: c.t("field.progress")))\
            <span>\(c.t("field.endDate")): \(endDate?.description ?? "—")</span></div><h2>\(c.t("field.goals"))</h2><ul>\(goals)</ul></section>
            <section class="card no-print" id="waiting"><h2>\(c.t("portal.waiting"))</h2>\(waiting.isEmpty ? "<p class=\"empty\">\(c.t("portal.nothingWaiting"))</p>" : "<ul>\(waiting)</ul>" as HTML)</section>
            \(planBlocks)
            <section class="card no-print" id="scope"><h2>\(c.t("scope.title"))</h2>\(scope)</section>
            <section class="card no-print" id="milestones"><h2>\(c.t("milestones.title"))</h2>\(milestoneBlocks.isEmpty ? "<p class=\"empty\">—</p>" : HTML.empty)\(milestoneBlocks)</section>
            <section class="card no-print" id="work"><h2>\(c.t("work.title"))</h2><div class="scroll"><table><thead><tr><th>\(c.t("field.title"))</th>\
            <th>\(c.t("field.dueDate"))</th><th>\(c.t("field.status"))</th><th>\(c.t("field.progress"))</th></tr></thead><tbody>\(workRows)</tbody></table></div>\(pager.links(c))</section>
            </div>
            """)
    }

    @Sendable func signOff(req: Request) async throws -> Response {
        let project = try await req.authorizedProject()
        guard let number = req.parameters.get("number", as: Int.self) else { throw DomainError.notFound }
        let form = try FormInput.decode(CommentRequest.self, from: req)
        _ = try await ScopeActions.signOff(projectID: project.id!, number: number, comment: form.comment, in: req.context)
        return Layout.redirect("/portal/projects/\(project.id!.uuidString)#scope")
    }

    @Sendable func accept(req: Request) async throws -> Response {
        try await decide(req, .accept)
    }

    @Sendable func giveBack(req: Request) async throws -> Response {
        try await decide(req, .return)
    }

    private func decide(_ req: Request, _ action: DeliverableAction) async throws -> Response {
        let (deliverable, _) = try await req.authorizedDeliverable()
        let form = try FormInput.decode(CommentRequest.self, from: req)
        _ = try await MilestoneActions.decide(deliverable, action: action, comment: form.comment, in: req.context)
        return Layout.redirect("/portal/projects/\(deliverable.projectID.uuidString)#milestones")
    }
}

func registerPages(_ app: Application) {
    AuthPages().register(app)
    DashboardPage().register(app)
    CustomerPages().register(app)
    ProjectPages().register(app)
    PlanPages().register(app)
    ChartPages().register(app)
    InvitationPages().register(app)
    PortalPages().register(app)
}
