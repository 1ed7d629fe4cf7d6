import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// The team's overview: every project with its progress and what waits on whom.
struct DashboardPage {
    func register(_ app: any RoutesBuilder) {
        app.endpoint(.GET, "dashboard", rule: .member, surface: .page, use: show)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let c = try await PageContext.make(req)
        let projects = try await ProjectActions.visibleProjects(in: req.context)
        let workspaceID = try await CustomerActions.workspaceID(in: req.context)
        let customers = Dictionary(uniqueKeysWithValues: try await CustomerStore.byName(workspaceID: workspaceID, on: req.db)
            .map { ($0.id!, $0.name) })
        var rows: [HTML] = []
        for project in projects {
            let summary = try await PlanSummary.load(project, customerView: false, in: req.context)
            let statuses = try await StatusStore.statuses(projectID: project.id!, on: req.db)
            let waiting = Waiting(scopes: statuses.scopes, deliverables: statuses.deliverables)
            let onCustomer = waiting.onCustomer > 0 ? "<span class=\"tag warn\">\(c.t("dashboard.waitingCustomer", String(waiting.onCustomer)))</span>" : HTML.empty
            let onTeam = waiting.onTeam > 0 ? "<span class=\"tag\">\(c.t("dashboard.waitingTeam", String(waiting.onTeam)))</span>" : HTML.empty
            rows.append("""
                <tr><td><a href="\(PagePath.project(project.id!))">\(project.name)</a><div class="muted">\(customers[project.customerID] ?? "")</div></td>\
                <td>\(c.t("status.\(project.status.rawValue)"))</td><td>\(Layout.progress(summary.progress, label: c.t("field.progress")))</td>\
                <td>\(summary.endDate?.description ?? "—")</td><td>\(onCustomer) \(onTeam)</td></tr>
                """)
        }
        let table: HTML = rows.isEmpty ? "<p class=\"empty\">\(c.t("dashboard.none")) <a href=\"/projects/new\">\(c.t("nav.newProject"))</a></p>" : """
            <div class="scroll"><table id="projects"><thead><tr><th>\(c.t("field.project"))</th><th>\(c.t("field.status"))</th>\
            <th>\(c.t("field.progress"))</th><th>\(c.t("field.endDate"))</th><th>\(c.t("dashboard.waiting"))</th></tr></thead>\
            <tbody>\(rows)</tbody></table></div>
            """
        return Layout.page(c, title: c.t("nav.dashboard"), "<h1>\(c.t("nav.dashboard"))</h1><section class=\"card\">\(table)</section>")
    }
}
