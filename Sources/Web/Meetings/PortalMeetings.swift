import Domain
import Fluent
import Foundation
import Persistence

/// The portal's part of meetings for one project: upcoming customer-visible meetings, minutes waiting for the
/// contact's confirmation, and the customer's open action items (shown under "waiting on you").
struct PortalMeetings: Sendable {
    var upcoming: [Meeting] = []
    var awaiting: [Meeting] = []
    var actionItems: [ActionItem] = []

    static func load(projectID: UUID, now: Date, on db: any Database) async throws -> PortalMeetings {
        let meetings = try await MeetingStore.meetings(projectID: projectID, onlyCustomerVisible: true, on: db).filter { !$0.isCancelled }
        return PortalMeetings(
            upcoming: meetings.filter { $0.endsAt >= now },
            awaiting: meetings.filter { $0.minutes?.status == .awaitingConfirmation },
            actionItems: try await MeetingStore.waitingOnCustomer(projectID: projectID, on: db))
    }

    /// Rows for the "waiting on you" list; `anchorsOn` is the project page the links lead to (empty: this page).
    func waitingRows(_ c: PageContext, anchorsOn page: String = "") -> [HTML] {
        awaiting.map { "<li><a href=\"\(url: "\(page)#minutes-\($0.id.uuidString)")\">\(c.t("portal.waitMinutes", $0.title))</a></li>" }
            + actionItems.map { "<li class=\"waiting-action-item\">\(c.t("portal.waitActionItem", $0.title, $0.dueDate.description))</li>" }
    }

    /// The meetings card: upcoming meetings with their video link, and the minutes to confirm with a confirm button.
    func section(_ c: PageContext, timeZone: String, canAct: Bool) -> HTML {
        let upcomingRows: [HTML] = upcoming.map { meeting in
            """
            <li class="meeting" id="meeting-\(meeting.id.uuidString)"><strong>\(meeting.title)</strong> \
            <span class="date">\(MeetingTime.text(meeting.startsAt, timeZone: timeZone))</span> \(MeetingViews.videoLink(c, meeting))\
            \(MeetingViews.agenda(c, meeting))</li>
            """
        }
        let awaitingRows: [HTML] = awaiting.map { meeting in
            let confirm: HTML =
                canAct
                ? c.form(
                    action: "\(PagePath.portalMinutesConfirm(meeting.id))", cssClass: "confirm-minutes",
                    "<p class=\"hint\">\(c.t("meetings.confirmIntro"))</p><button type=\"submit\">\(c.t("meetings.confirm"))</button>")
                : .empty
            return """
                <article class="minutes-awaiting" id="minutes-\(meeting.id.uuidString)"><h3>\(meeting.title) \
                <small class="date">\(MeetingTime.text(meeting.startsAt, timeZone: timeZone))</small></h3>\
                \(meeting.minutes.map { MeetingViews.minutes(c, $0) } ?? .empty)\(confirm)</article>
                """
        }
        guard !upcomingRows.isEmpty || !awaitingRows.isEmpty else { return .empty }
        let upcomingList: HTML =
            upcomingRows.isEmpty ? .empty : "<h3>\(c.t("meetings.upcoming"))</h3><ul class=\"list\">\(upcomingRows)</ul>"
        let awaitingList: HTML = awaitingRows.isEmpty ? .empty : "<h3>\(c.t("meetings.awaitingYou"))</h3>\(awaitingRows)"
        return """
            <section class="card no-print" id="meetings"><h2>\(c.t("meetings.title"))</h2>\
            \(upcomingList)\
            \(awaitingList)</section>
            """
    }
}
