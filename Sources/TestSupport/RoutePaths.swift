import Domain
import Fluent
import Foundation
import Persistence
import Vapor
@testable import Web

extension World {
    /// A concrete path for a route template of the route table, with this world's objects for its
    /// parameters; `hidden` picks the internal milestone, deliverable or item. Nil when the template
    /// has a parameter this helper does not know, so a test walking the table can fail on it. A `DELETE` gets fresh
    /// throwaway objects (of the same visibility), so walking the table removes nothing other calls need; contacts
    /// are always fresh (a removed one would end a principal's sessions).
    public func fill(_ components: [PathComponent], hidden: Bool = false, method: HTTPMethod = .GET) async throws -> String? {
        var parts: [String] = []
        let fresh = method == .DELETE || (method == .POST && components.last?.description == "remove")
        for component in components {
            switch component.description {
            case ":projectID": parts.append(projectA.uuidString)
            case ":customerID": parts.append(customerA.uuidString)
            case ":contactID":
                parts.append(
                    try await freshObject(
                        "/api/v1/customers/\(customerA)/contacts", ["name": "Temp", "email": "t\(UUID().uuidString.prefix(8))@tea.test"]))
            case ":milestoneID" where fresh: parts.append(try await freshMilestone(visible: !hidden))
            case ":deliverableID" where fresh:
                parts.append(try await freshObject("/api/v1/milestones/\(try await freshMilestone(visible: !hidden))/deliverables", ["name": "Temp"]))
            case ":workItemID" where fresh:
                parts.append(
                    try await freshObject(
                        "/api/v1/projects/\(projectA)/work-items",
                        ["title": "Temp", "startDate": "2026-12-01", "dueDate": "2026-12-02", "dependsOn": [String](), "visibleToCustomer": !hidden]))
            case ":milestoneID": parts.append((hidden ? hiddenMilestone : visibleMilestone).uuidString)
            case ":deliverableID": parts.append((hidden ? hiddenDeliverable : visibleDeliverable).uuidString)
            case ":workItemID": parts.append((hidden ? hiddenItem : visibleItem).uuidString)
            case ":number": parts.append("1")
            case ":token": parts.append(try await freshInvitation())
            case ":memberID": parts.append(ids[.member]!.uuidString)
            case ":contactID": parts.append(ids[.approverA]!.uuidString)
            case ":inviteToken": parts.append(try await freshMemberInvitation())
            case ":deliveryID": parts.append(try await freshFailedDelivery())
            case ":feedToken": parts.append(try await freshCalendarFeed())
            case ":integrationID": parts.append(try await freshIntegration())
            case ":reportID": parts.append(try await freshReport(published: !hidden).uuidString)
            case ":feedbackToken": parts.append(try await freshFeedbackToken(kind: .acknowledge))
            case ":meetingID": parts.append(try await freshMeeting(visible: !hidden))
            case ":actionItemID": parts.append(try await freshCustomerActionItem(visible: !hidden))
            case ":baselineID":
                let reply = try await client.json(.POST, "/api/v1/projects/\(projectA)/baselines", token: ownerToken, body: ["name": "matrix"])
                guard let id = reply.string("id") else { return nil }
                parts.append(id)
            case ":fileID":
                // On a new deliverable: the walk may have accepted the world's own, which then takes no files.
                let milestone = hidden ? hiddenMilestone : visibleMilestone
                let created = try await client.json(.POST, "/api/v1/milestones/\(milestone)/deliverables", token: ownerToken, body: ["name": "Files"])
                guard let deliverable = created.string("id") else { return nil }
                let reply = try await client.upload("/api/v1/deliverables/\(deliverable)/files", token: ownerToken, bytes: Array("matrix".utf8))
                guard let id = reply.string("id") else { return nil }
                parts.append(id)
            case let other where other.hasPrefix(":") || other == "*" || other == "**":
                return nil
            case let literal:
                parts.append(literal)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// A new status report of project A (a draft, or published to its contacts), for one period of its own.
    public func freshReport(published: Bool) async throws -> UUID {
        let ctx = client.app.context()
        let start = LocalDate(year: 2030, month: 1, day: 1)!.adding(days: Int.random(in: 0..<20_000))
        let (report, _) = try await StatusReportActions.draft(projectID: projectA, periodStart: start, periodEnd: start, in: ctx)
        if published { _ = try await StatusReportActions.publish(report, in: ctx) }
        return try report.requireID()
    }

    /// A valid one-click feedback token of the viewing contact of project A for a freshly published report.
    public func freshFeedbackToken(kind: FeedbackKind, expires: Date? = nil) async throws -> String {
        let report = try await freshReport(published: true)
        let app = client.app
        return FeedbackLink(
            reportID: report, contactID: ids[.viewerA]!, kind: kind, expires: expires ?? app.tandem.clock().addingTimeInterval(FeedbackLink.lifetime)
        ).token(key: FeedbackLinks.key(app.tandem))
    }

    private func freshMilestone(visible: Bool) async throws -> String {
        try await freshObject("/api/v1/projects/\(projectA)/milestones", ["name": "Temp", "dueDate": "2026-12-10", "visibleToCustomer": visible])
    }

    /// A new meeting of project A (each walk gets its own: confirming freezes a meeting's minutes).
    public func freshMeeting(visible: Bool) async throws -> String {
        try await freshObject(
            "/api/v1/projects/\(projectA)/meetings",
            ["title": "Matrix", "startsAt": "2026-12-03T09:00:00Z", "durationMinutes": 30, "agenda": [String](), "visibleToCustomer": visible])
    }

    /// A customer's action item in the minutes of a new meeting of project A.
    public func freshCustomerActionItem(visible: Bool) async throws -> String {
        let meeting = try await freshMeeting(visible: visible)
        let reply = try await client.json(
            .PUT, "/api/v1/meetings/\(meeting)/minutes", token: ownerToken,
            body: [
                "notes": "", "decisions": [String](),
                "actionItems": [["title": "Send the logo", "owner": "customer", "dueDate": "2026-12-05"]],
            ])
        let items = reply.json["actionItems"] as? [[String: any Sendable]]
        guard let id = items?.first?["id"] as? String else { throw Failure("could not write minutes: \(reply.body)") }
        return id
    }

    private func freshObject(_ path: String, _ body: [String: any Sendable]) async throws -> String {
        let reply = try await client.json(.POST, path, token: ownerToken, body: body)
        guard let id = reply.string("id") else { throw Failure("could not create \(path): \(reply.body)") }
        return id
    }

    /// An integration of project A (a public documentation address, so no name is resolved and the guard lets it be).
    public func freshIntegration() async throws -> String {
        try await freshObject("/api/v1/projects/\(projectA)/integrations", ["kind": "webhook", "url": "https://203.0.113.10/hooks/matrix"])
    }

    /// A delivery of workspace A that failed (an invitation's e-mail, marked failed), for "send again".
    public func freshFailedDelivery() async throws -> String {
        _ = try await freshInvitation()
        let db = client.app.db
        guard let row = try await OutboxRecord.query(on: db).filter(\.$status == .queued).sort(\.$createdAt, .descending).first() else {
            throw Failure("no delivery was queued")
        }
        row.status = .failed
        row.lastError = "refused by the test"
        try await row.update(on: db)
        return try row.requireID().uuidString
    }

    /// `<token>.ics` of a new calendar feed of the manager (a live one: the route's token is its only authority).
    public func freshCalendarFeed() async throws -> String {
        let reply = try await client.json(.POST, "/api/v1/calendar-feeds", token: try await token(.manager))
        return (reply.string("token") ?? "missing") + ".ics"
    }

    /// A new single-use invitation token for the viewing contact of project A.
    public func freshInvitation() async throws -> String {
        let reply = try await client.json(
            .POST, "/api/v1/projects/\(projectA)/invitations", token: ownerToken,
            body: ["contactId": ids[.viewerA]!.uuidString, "canApprove": false])
        return reply.string("token") ?? "missing"
    }

    /// A new single-use colleague invitation (role member) to a fresh address.
    public func freshMemberInvitation() async throws -> String {
        let reply = try await client.json(
            .POST, "/api/v1/members/invitations", token: ownerToken,
            body: ["email": "colleague-\(UUID().uuidString.prefix(8))@studio.test", "role": "member"])
        return reply.string("token") ?? "missing"
    }

    /// Sends a request to a route of the table as `who`: a bearer token for the API, a session cookie
    /// and the CSRF token for pages (with `form` fields added to a non-GET page request).
    public func send(
        _ method: HTTPMethod, _ path: String, api: Bool, as who: Who, json raw: String? = nil,
        form extra: [String: String] = [:]
    ) async throws -> Reply {
        if api {
            return try await client.json(method, path, token: try await token(who), raw: raw ?? (method == .GET ? nil : "{}"))
        }
        var cookies: [String: String] = [:]
        let csrf: String
        if let session = try await session(who) {
            cookies["tandem_session"] = session.token
            csrf = session.csrf
        } else {
            csrf = "anonymous-double-submit-token-123456"
            cookies["tandem_csrf"] = csrf
        }
        let form: [String: String]? = method == .GET ? nil : extra.merging(["_csrf": csrf]) { $1 }
        return try await client.page(method, path, cookies: cookies, form: form)
    }
}
