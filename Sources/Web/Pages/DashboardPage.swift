import Domain
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
        // `?archived=true` adds the archived projects.
        let model = try await DashboardModel.load(archived: req.query[String.self, at: "archived"] == "true" ? nil : false, in: req.context)
        return Layout.page(c, title: c.t("nav.dashboard"), DashboardView.render(c, model))
    }
}

/// One row a project, loaded by one function.
struct DashboardModel {
    struct Row {
        var projectID: UUID
        var name: String
        var customerName: String
        var status: ProjectStatus
        var summary: PlanSummary
        var waiting: Waiting
    }

    var rows: [Row]
    var showsArchived = false

    static func load(archived: Bool? = false, in ctx: ActionContext) async throws -> DashboardModel {
        let customers = try await CustomerStore.byName(workspaceID: CustomerActions.workspaceID(in: ctx), on: ctx.db)
        let names = Dictionary(customers.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let projects = try await ProjectActions.visibleProjects(archived: archived, in: ctx)
        let statusesByProject = try await StatusStore.statuses(projectIDs: projects.map { try $0.requireID() }, on: ctx.db)
        var rows: [Row] = []
        for project in projects {
            let id = try project.requireID()
            let statuses = statusesByProject[id] ?? StatusStore.Statuses()
            rows.append(
                Row(
                    projectID: id, name: project.name, customerName: names[project.customerID] ?? "", status: project.status,
                    summary: try await PlanSummary.load(project, customerView: false, in: ctx),
                    waiting: Waiting(scopes: statuses.scopes, deliverables: statuses.deliverables)))
        }
        return DashboardModel(rows: rows, showsArchived: archived == nil)
    }
}

enum DashboardView {
    static func render(_ c: PageContext, _ model: DashboardModel) -> HTML {
        let rows: [HTML] = model.rows.map { row in
            let onCustomer: HTML =
                row.waiting.onCustomer > 0
                ? "<span class=\"tag warn\">\(c.t("dashboard.waitingCustomer", String(row.waiting.onCustomer)))</span>" : .empty
            let onTeam: HTML =
                row.waiting.onTeam > 0 ? "<span class=\"tag\">\(c.t("dashboard.waitingTeam", String(row.waiting.onTeam)))</span>" : .empty
            return """
                <tr><td><a href="\(PagePath.project(row.projectID))">\(row.name)</a><div class="muted">\(row.customerName)</div></td>\
                <td>\(c.t("status.\(row.status.rawValue)"))</td><td>\(Layout.progress(row.summary.progress, label: c.t("field.progress")))</td>\
                <td>\(row.summary.endDate?.description ?? "—")</td><td>\(onCustomer) \(onTeam)</td></tr>
                """
        }
        let table: HTML =
            rows.isEmpty
            ? "<p class=\"empty\">\(c.t("dashboard.none")) <a href=\"\(PagePath.newProject)\">\(c.t("nav.newProject"))</a></p>"
            : """
            <div class="scroll"><table id="projects"><thead><tr><th>\(c.t("field.project"))</th><th>\(c.t("field.status"))</th>\
            <th>\(c.t("field.progress"))</th><th>\(c.t("field.endDate"))</th><th>\(c.t("dashboard.waiting"))</th></tr></thead>\
            <tbody>\(rows)</tbody></table></div>
            """
        let archived: HTML =
            model.showsArchived
            ? .empty
            : "<p class=\"muted\"><a id=\"show-archived\" href=\"\(PagePath.dashboard)?archived=true\">\(c.t("projects.showArchived"))</a></p>"
        return "<h1>\(c.t("nav.dashboard"))</h1><section class=\"card\">\(table)\(archived)</section>"
    }
}
