import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// "My projects": each of the contact's projects with its status and what waits on them there, as the
/// flows say (`Waiting`), counting only what the customer may see.
struct PortalListModel {
    struct Row {
        var projectID: UUID
        var name: String
        var status: ProjectStatus
        var waitingScope: Int?
        var waitingDeliverables: [String]
        var waitingCount: Int
        /// Minutes to confirm and the customer's open action items (`PortalMeetings`).
        var meetings = PortalMeetings()
    }

    var rows: [Row]

    static func load(_ projects: [ProjectRecord], now: Date, on db: any Database) async throws -> PortalListModel {
        var rows: [Row] = []
        for project in projects {
            let projectID = try project.requireID()
            let scope = ScopeVersion.current(of: try await ScopeStore.versions(projectID: projectID, on: db).map { try $0.domain() })
            let details = AccessPolicy.shown(
                try await MilestoneStore.details(projectID: projectID, onlyCustomerVisible: false, on: db), toCustomer: true)
            let deliverables = details.flatMap(\.deliverables)
            let meetings = try await PortalMeetings.load(projectID: projectID, now: now, on: db)
            let waiting = Waiting(
                scopes: scope.map { [$0.status] } ?? [], deliverables: deliverables.map(\.status), minutesToConfirm: meetings.awaiting.count,
                actionItems: meetings.actionItems.count)
            rows.append(
                Row(
                    projectID: projectID, name: project.name, status: project.status,
                    waitingScope: scope.flatMap { ScopeFlow.canSignOff($0.status) ? $0.number : nil },
                    waitingDeliverables: deliverables.filter { DeliverableFlow.waitsOnCustomer($0.status) }.map(\.name),
                    waitingCount: waiting.onCustomer, meetings: meetings))
        }
        return PortalListModel(rows: rows)
    }
}

enum PortalListView {
    static func render(_ c: PageContext, _ model: PortalListModel) -> HTML {
        let rows: [HTML] = model.rows.map { row in
            var waiting: [HTML] = []
            if let number = row.waitingScope { waiting.append("<li>\(c.t("portal.waitScope", String(number)))</li>") }
            waiting += row.waitingDeliverables.map { "<li>\(c.t("portal.waitDeliverable", $0))</li>" }
            waiting += row.meetings.waitingRows(c, anchorsOn: PagePath.portalProject(row.projectID).description)
            let body: HTML =
                waiting.isEmpty
                ? "<p class=\"muted nothing-waiting\">\(c.t("portal.nothingWaiting"))</p>"
                : "<div class=\"waiting\"><strong>\(c.t("portal.projectWaiting"))</strong><ul class=\"waiting-list\">\(waiting)</ul></div>"
            return """
                <li class="portal-project" data-project-id="\(row.projectID.uuidString)" data-status="\(row.status.rawValue)" data-waiting="\(String(row.waitingCount))">\
                <a href="\(PagePath.portalProject(row.projectID))"><strong>\(row.name)</strong></a> \
                <span class="tag project-status \(row.status.rawValue)">\(c.t("status.\(row.status.rawValue)"))</span>\(body)</li>
                """
        }
        return """
            <h1>\(c.t("nav.myProjects"))</h1><section class="card portal-projects"><ul class="list">\(rows)</ul></section>\
            <p class="no-print"><a id="calendar-feed-link" href="\(PagePath.portalCalendarFeed)">\(c.t("calendarFeed.link"))</a></p>
            """
    }
}
