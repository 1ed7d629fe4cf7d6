import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// Meetings, their minutes, the contact's confirmation and the team's "done" for a customer's action item.
struct MeetingsAPIController {
    func register(_ api: any RoutesBuilder) {
        api.endpoint(.POST, "projects", ":projectID", "meetings", rule: .projectTeam, surface: .api, use: create)
        api.endpoint(.GET, "projects", ":projectID", "meetings", rule: .projectView, surface: .api, use: list)
        api.endpoint(.GET, "meetings", ":meetingID", rule: .projectView, surface: .api, use: show)
        api.endpoint(.PATCH, "meetings", ":meetingID", rule: .projectTeam, surface: .api, use: update)
        api.endpoint(.PUT, "meetings", ":meetingID", "minutes", rule: .projectTeam, surface: .api, use: writeMinutes)
        api.endpoint(.POST, "meetings", ":meetingID", "minutes", "confirm", rule: .projectContact, surface: .api, use: confirm)
        api.endpoint(.POST, "action-items", ":actionItemID", "done", rule: .projectTeam, surface: .api, use: markDone)
    }

    /// Schedules a meeting (201); its agenda is drafted from what is open when the body has none.
    @Sendable func create(req: Request) async throws -> Response {
        let project = try await req.authorizedProject()
        let meeting = try await MeetingActions.create(
            JSON.decode(CreateMeetingRequest.self, from: req), projectID: try project.requireID(), in: req.context)
        return JSON.response(MeetingResponse(meeting), status: .created)
    }

    /// The project's meetings, earliest first; a contact's list holds only customer-visible ones.
    @Sendable func list(req: Request) async throws -> Response {
        let project = try await req.authorizedProject()
        let customerView = try await req.identity.contactID != nil
        let paging = try Paging(req)
        let meetings = try await MeetingStore.meetings(projectID: try project.requireID(), onlyCustomerVisible: customerView, on: req.db)
        let (page, next) = paging.page(meetings)
        var items: [MeetingResponse] = []
        for meeting in page { items.append(MeetingResponse(meeting, confirmer: try await Self.confirmer(meeting, on: req.db))) }
        return JSON.response(ListResponse(items: items, nextCursor: next))
    }

    @Sendable func show(req: Request) async throws -> Response {
        let meeting = try await req.authorizedMeeting()
        return JSON.response(MeetingResponse(meeting, confirmer: try await Self.confirmer(meeting, on: req.db)))
    }

    /// Reschedules or calls off a meeting without minutes (200); 409 once it has minutes or is cancelled.
    @Sendable func update(req: Request) async throws -> Response {
        let meeting = try await req.authorizedMeeting()
        let updated = try await MeetingActions.update(
            JSON.decode(UpdateMeetingRequest.self, from: req), meetingID: meeting.id, clearing: JSON.nullKeys(from: req), in: req.context)
        return JSON.response(MeetingResponse(updated))
    }

    /// Writes the minutes (200, `awaiting_confirmation`); 409 once confirmed.
    @Sendable func writeMinutes(req: Request) async throws -> Response {
        let meeting = try await req.authorizedMeeting()
        let updated = try await MeetingActions.writeMinutes(JSON.decode(MinutesRequest.self, from: req), meetingID: meeting.id, in: req.context)
        return try Self.minutes(updated, confirmer: nil)
    }

    /// A contact of the project confirms the minutes (200, `confirmed`); 409 when there are none or they are confirmed.
    @Sendable func confirm(req: Request) async throws -> Response {
        let meeting = try await req.authorizedMeeting()
        let confirmed = try await MeetingActions.confirm(meetingID: meeting.id, in: req.context)
        return try Self.minutes(confirmed, confirmer: try await Self.confirmer(confirmed, on: req.db))
    }

    /// The team marks a customer's action item done (200 with the item).
    @Sendable func markDone(req: Request) async throws -> Response {
        let item = try await req.authorizedActionItem()
        return JSON.response(ActionItemResponse(try await MeetingActions.markDone(actionItemID: item.id, in: req.context)))
    }

    static func minutes(_ meeting: Meeting, confirmer: PersonRef?) throws -> Response {
        guard let minutes = meeting.minutes else { throw DomainError.notFound }
        return JSON.response(MinutesResponse(minutes, meetingID: meeting.id, confirmer: confirmer))
    }

    static func confirmer(_ meeting: Meeting, on db: any Database) async throws -> PersonRef? {
        try await PersonRef.contact(meeting.minutes?.confirmedBy, on: db)
    }
}

extension Request {
    /// A meeting, decided against the route's rule with its own visibility: a hidden one answers 404 to a contact.
    func authorizedMeeting() async throws -> Meeting {
        guard let meeting = try await MeetingStore.meeting(try uuidParameter("meetingID"), on: db) else { throw DomainError.notFound }
        try await authorize(projectID: meeting.projectID, visibleToCustomer: meeting.visibleToCustomer)
        return meeting
    }

    /// An action item inherits its meeting's visibility.
    func authorizedActionItem() async throws -> ActionItem {
        guard let row = try await MeetingStore.actionItemRecord(try uuidParameter("actionItemID"), on: db),
            let meeting = try await MeetingStore.record(row.meetingID, on: db)
        else { throw DomainError.notFound }
        try await authorize(projectID: row.projectID, visibleToCustomer: meeting.visibleToCustomer)
        return try row.domain()
    }
}
