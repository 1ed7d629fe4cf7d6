import Domain
import Fluent
import Foundation

/// A meeting, with its minutes once the team wrote them (`minutes_status` nil until then).
public final class MeetingRecord: Model, @unchecked Sendable {
    public static let schema = "meetings"
    @ID public var id: UUID?
    @Field(key: "project_id") public var projectID: UUID
    @Field(key: "title") public var title: String
    @Field(key: "starts_at") public var startsAt: Date
    @Field(key: "duration_minutes") public var durationMinutes: Int
    @OptionalField(key: "video_link") public var videoLink: String?
    @Field(key: "agenda_json") public var agendaJSON: String
    @Field(key: "visible_to_customer") public var visibleToCustomer: Bool
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "created_by") public var createdBy: String
    /// Bumped by every reschedule or cancellation: a calendar takes the invitation with the highest one (RFC 5545 SEQUENCE).
    @Field(key: "sequence") public var sequence: Int
    @OptionalField(key: "cancelled_at") public var cancelledAt: Date?
    @OptionalField(key: "minutes_notes") public var minutesNotes: String?
    @OptionalField(key: "minutes_decisions_json") public var minutesDecisionsJSON: String?
    @OptionalField(key: "minutes_status") public var minutesStatus: MinutesStatus?
    @OptionalField(key: "minutes_written_at") public var minutesWrittenAt: Date?
    @OptionalField(key: "minutes_confirmed_by") public var minutesConfirmedBy: UUID?
    @OptionalField(key: "minutes_confirmed_at") public var minutesConfirmedAt: Date?
    public init() {}

    /// The meeting as a Domain value, with `actionItems` (its own, in order) in its minutes.
    public func domain(actionItems: [ActionItem]) throws -> Meeting {
        let id = try requireID()
        var minutes: Minutes?
        if let status = minutesStatus {
            minutes = Minutes(
                notes: minutesNotes ?? "", decisions: try Self.list(minutesDecisionsJSON ?? "[]", id: id, column: "minutes_decisions_json"),
                actionItems: actionItems, status: status, writtenAt: minutesWrittenAt ?? createdAt, confirmedBy: minutesConfirmedBy,
                confirmedAt: minutesConfirmedAt)
        }
        return Meeting(
            id: id, projectID: projectID, title: title, startsAt: startsAt, durationMinutes: durationMinutes, videoLink: videoLink,
            agenda: try Self.list(agendaJSON, id: id, column: "agenda_json"), visibleToCustomer: visibleToCustomer, createdAt: createdAt,
            minutes: minutes, sequence: sequence, cancelledAt: cancelledAt)
    }

    static func list(_ json: String, id: UUID, column: String) throws -> [String] {
        guard let values = try? JSONDecoder().decode([String].self, from: Data(json.utf8)) else {
            throw StoredValueError(table: schema, id: id, column: column)
        }
        return values
    }
}

/// One action item of a meeting's minutes.
public final class MeetingActionItemRecord: Model, @unchecked Sendable {
    public static let schema = "meeting_action_items"
    @ID public var id: UUID?
    @Field(key: "meeting_id") public var meetingID: UUID
    @Field(key: "project_id") public var projectID: UUID
    @Field(key: "position") public var position: Int
    @Field(key: "title") public var title: String
    @Field(key: "owner") public var owner: ActionOwner
    @Field(key: "due_date") public var dueDate: String
    @OptionalField(key: "work_item_id") public var workItemID: UUID?
    @OptionalField(key: "done_at") public var doneAt: Date?
    @OptionalField(key: "done_by") public var doneBy: String?
    public init() {}

    public init(_ item: ActionItem, projectID: UUID, position: Int) {
        id = item.id
        meetingID = item.meetingID
        self.projectID = projectID
        self.position = position
        title = item.title
        owner = item.owner
        dueDate = item.dueDate.description
        workItemID = item.workItemID
        doneAt = item.doneAt
    }

    public func domain() throws -> ActionItem {
        let id = try requireID()
        guard let due = LocalDate(dueDate) else { throw StoredValueError(table: Self.schema, id: id, column: "due_date") }
        return ActionItem(id: id, meetingID: meetingID, title: title, owner: owner, dueDate: due, workItemID: workItemID, doneAt: doneAt)
    }
}
