import Domain
import Foundation
import Vapor

/// "Calendar feed": a member (linked from the profile) or a contact (linked from the portal) makes, replaces or
/// revokes their secret feed address. The address is shown once, in the answer to the post that made it: only its
/// hash is kept.
struct CalendarFeedPages {
    func register(_ app: any RoutesBuilder) {
        app.endpoint(.GET, "calendar-feed", rule: .member, surface: .page) { try await show($0, portal: false) }
        app.endpoint(.POST, "calendar-feed", rule: .member, surface: .page) { try await create($0, portal: false) }
        app.endpoint(.POST, "calendar-feed", "revoke", rule: .member, surface: .page) { try await revoke($0, portal: false) }
        app.endpoint(.GET, "portal", "calendar-feed", rule: .contact, surface: .page) { try await show($0, portal: true) }
        app.endpoint(.POST, "portal", "calendar-feed", rule: .contact, surface: .page) { try await create($0, portal: true) }
        app.endpoint(.POST, "portal", "calendar-feed", "revoke", rule: .contact, surface: .page) { try await revoke($0, portal: true) }
    }

    @Sendable func show(_ req: Request, portal: Bool) async throws -> Response {
        let notice = req.query[String.self, at: "done"] == "revoked" ? "calendarFeed.revoked" : nil
        return try await page(req, portal: portal, newURL: nil, notice: notice)
    }

    @Sendable func create(_ req: Request, portal: Bool) async throws -> Response {
        let created = try await CalendarFeedActions.create(in: req.context)
        return try await page(req, portal: portal, newURL: created.url, notice: nil)
    }

    @Sendable func revoke(_ req: Request, portal: Bool) async throws -> Response {
        try await CalendarFeedActions.revoke(in: req.context)
        return Layout.redirect("\(portal ? PagePath.portalCalendarFeed : PagePath.calendarFeed)?done=revoked")
    }

    private func page(_ req: Request, portal: Bool, newURL: String?, notice: String?) async throws -> Response {
        let c = try await PageContext.make(req)
        let since = try await CalendarFeedActions.current(in: req.context)
        let base = portal ? PagePath.portalCalendarFeed : PagePath.calendarFeed
        let revokePath = portal ? PagePath.portalCalendarFeedRevoke : PagePath.calendarFeedRevoke
        let noticeHTML: HTML = notice.map { "<p class=\"notice\" role=\"status\" id=\"notice\">\(c.t($0))</p>" } ?? .empty
        let state: HTML
        if let newURL {
            state = """
                <p class="notice" role="status">\(c.t("calendarFeed.created"))</p>\
                <label>\(c.t("calendarFeed.address"))<input id="feed-url" readonly value="\(newURL)"></label>
                """
        } else if let since {
            state = "<p id=\"feed-state\">\(c.t("calendarFeed.active", LocalDate(since, in: .gmt).description))</p>"
        } else {
            state = "<p class=\"muted\" id=\"feed-state\">\(c.t("calendarFeed.none"))</p>"
        }
        let revokeForm: HTML =
            since == nil
            ? .empty
            : c.form(
                action: "\(revokePath)", id: "revoke-feed-form",
                "<button type=\"submit\" class=\"secondary\">\(c.t("calendarFeed.revoke"))</button>")
        let content: HTML = """
            <section class="card narrow" id="calendar-feed"><h1>\(c.t("calendarFeed.title"))</h1>\(noticeHTML)
            <p>\(c.t("calendarFeed.intro"))</p>\(state)
            \(c.form(action: "\(base)", id: "create-feed-form", "<button type=\"submit\">\(c.t(since == nil ? "calendarFeed.create" : "calendarFeed.replace"))</button>"))\
            \(revokeForm)</section>
            """
        return Layout.page(c, title: c.t("calendarFeed.title"), portal ? "<div class=\"portal\">\(content)</div>" : content)
    }
}
