import Domain
import Foundation
import Persistence
import Vapor

/// The calendars: a project's feed (members; contacts: customer-visible entries), the person's secret feed URL
/// (made and revoked by its owner), and the feed itself, read by calendar apps with the token as the only authority.
struct CalendarAPIController {
    func register(_ api: any RoutesBuilder) {
        api.endpoint(.GET, "projects", ":projectID", "calendar.ics", rule: .projectView, surface: .api, use: project)
        api.endpoint(.POST, "calendar-feeds", rule: .signedIn, surface: .api, use: create)
        api.endpoint(.DELETE, "calendar-feeds", "current", rule: .signedIn, surface: .api, use: revoke)
    }

    /// The feed route lives outside `/api/v1`: calendar apps send no credentials.
    func registerFeed(_ app: any RoutesBuilder) {
        app.endpoint(.GET, "calendar", ":feedToken", rule: .open, surface: .api, use: personal)
    }

    struct CalendarFeedResponse: Encodable {
        var url: String
        var token: String
    }

    /// `GET /api/v1/projects/{id}/calendar.ics`: milestones (and what other sources add) in the reader's language.
    @Sendable func project(req: Request) async throws -> Response {
        let project = try await req.authorizedProject()
        let ctx = try await req.context
        let view = CalendarFeed.View(customerView: ctx.identity.contactID != nil, language: ctx.identity.language, spansProjects: false)
        let text = try await CalendarFeed.document(projects: [project], view: view, name: project.name, in: ctx)
        return Self.ics(text, filename: "project.ics")
    }

    @Sendable func create(req: Request) async throws -> Response {
        let created = try await CalendarFeedActions.create(in: req.context)
        return JSON.response(CalendarFeedResponse(url: created.url, token: created.token), status: .created)
    }

    @Sendable func revoke(req: Request) async throws -> Response {
        try await CalendarFeedActions.revoke(in: req.context)
        return Response(status: .noContent)
    }

    /// `GET /calendar/{token}.ics`: the person's feed; a path without `.ics`, or any token not live, is 404.
    @Sendable func personal(req: Request) async throws -> Response {
        let name = req.parameters.get("feedToken") ?? ""
        guard name.hasSuffix(".ics") else { throw DomainError.notFound }
        let text = try await CalendarFeedActions.feed(token: String(name.dropLast(4)), in: req.context)
        return Self.ics(text, filename: "tandem.ics")
    }

    static func ics(_ text: String, filename: String) -> Response {
        Response(
            status: .ok,
            headers: [
                "Content-Type": CalendarFeed.contentType, "Cache-Control": "private, no-store",
                "Content-Disposition": "inline; filename=\"\(filename)\"",
            ],
            body: .init(string: text))
    }
}
