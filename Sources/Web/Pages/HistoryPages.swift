import Domain
import Foundation
import Persistence
import Vapor

/// The team's history page of a project: everything that happened, newest first, with what is new since
/// the member last looked marked (and this look remembered).
struct HistoryPages {
    func register(_ app: any RoutesBuilder) {
        app.endpoint(.GET, "projects", ":projectID", "history", rule: .projectTeam, surface: .page, use: show)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let c = try await PageContext.make(req)
        let project = try await req.authorizedProject()
        let projectID = try project.requireID()
        let items = try await ActivityActions.feed(project, customerView: false, in: req.context)
        let since = try await ActivityActions.visit(projectID, in: req.context)
        let pager = Pager(req, count: items.count, anchor: "history")
        return Layout.page(
            c, title: "\(c.t("activity.title")) — \(project.name)",
            """
            <div class="head"><div><h1>\(c.t("activity.title")) — \(project.name)</h1></div>\
            <div class="actions"><a class="button secondary" href="\(PagePath.project(projectID))">\(c.t("action.backToProject"))</a></div></div>
            <section class="card" id="history">\(ActivityView.since(c, items, since: since, timeZone: project.timeZone))\
            \(ActivityView.list(c, items[pager.range], since: since, timeZone: project.timeZone))\(pager.links(c))</section>
            """)
    }
}
