import Domain
import Fluent
import Foundation

/// Every query about meetings, their minutes and action items.
public enum MeetingStore {
    /// A project's meetings as Domain values, earliest first, each with its minutes' action items; only the
    /// customer-visible ones when `onlyCustomerVisible` (a contact's list, a customer's calendar feed).
    public static func meetings(projectID: UUID, onlyCustomerVisible: Bool, on db: any Database) async throws -> [Meeting] {
        var query = MeetingRecord.query(on: db).filter(\.$projectID == projectID)
        if onlyCustomerVisible { query = query.filter(\.$visibleToCustomer == true) }
        let records = try await query.sort(\.$startsAt).sort(\.$id).all()
        let items = try await actionItems(meetingIDs: try records.map { try $0.requireID() }, on: db)
        return try records.map { try $0.domain(actionItems: items[try $0.requireID()] ?? []) }
    }

    public static func record(_ id: UUID, on db: any Database) async throws -> MeetingRecord? {
        try await MeetingRecord.find(id, on: db)
    }

    /// One meeting as a Domain value, nil when there is none.
    public static func meeting(_ id: UUID, on db: any Database) async throws -> Meeting? {
        guard let record = try await MeetingRecord.find(id, on: db) else { return nil }
        return try record.domain(actionItems: try await actionItems(meetingIDs: [id], on: db)[id] ?? [])
    }

    /// The action items of the given meetings, each meeting's in the order the minutes list them.
    public static func actionItems(meetingIDs: [UUID], on db: any Database) async throws -> [UUID: [ActionItem]] {
        guard !meetingIDs.isEmpty else { return [:] }
        let rows = try await MeetingActionItemRecord.query(on: db).filter(\.$meetingID ~~ meetingIDs).sort(\.$position).all()
        return Dictionary(grouping: try rows.map { try $0.domain() }, by: \.meetingID)
    }

    /// Replaces the minutes' action items with `items` (the team rewrote the minutes).
    public static func replaceActionItems(_ items: [ActionItem], meetingID: UUID, projectID: UUID, on db: any Database) async throws {
        try await MeetingActionItemRecord.query(on: db).filter(\.$meetingID == meetingID).delete()
        for (position, item) in items.enumerated() {
            try await MeetingActionItemRecord(item, projectID: projectID, position: position).create(on: db)
        }
    }

    public static func actionItemRecord(_ id: UUID, on db: any Database) async throws -> MeetingActionItemRecord? {
        try await MeetingActionItemRecord.find(id, on: db)
    }

    /// Every action item of the project's confirmed minutes, with whether it is still open and its meeting's
    /// visibility: what the agenda of the next meeting picks up.
    public static func actionLines(projectID: UUID, on db: any Database) async throws -> [AgendaInput.ActionLine] {
        let meetings = try await meetings(projectID: projectID, onlyCustomerVisible: false, on: db)
        let workIDs = meetings.flatMap { $0.minutes?.actionItems.compactMap(\.workItemID) ?? [] }
        let done =
            workIDs.isEmpty
            ? []
            : Set(
                try await WorkItemRecord.query(on: db).filter(\.$id ~~ workIDs).filter(\.$status == .done).all().map { try $0.requireID() })
        return meetings.flatMap { meeting in
            (meeting.minutes?.actionItems ?? []).map { item in
                AgendaInput.ActionLine(
                    item: item, isOpen: MinutesFlow.isOpen(item, confirmed: meeting.minutes?.status == .confirmed, workDone: done),
                    visibleToCustomer: meeting.visibleToCustomer)
            }
        }
    }

    /// The customer's open action items of confirmed minutes of customer-visible meetings, earliest due first:
    /// what the portal lists under "waiting on you".
    public static func waitingOnCustomer(projectID: UUID, on db: any Database) async throws -> [ActionItem] {
        try await actionLines(projectID: projectID, on: db)
            .filter { $0.isOpen && $0.visibleToCustomer && $0.item.owner == .customer }
            .map(\.item).sorted { ($0.dueDate, $0.title) < ($1.dueDate, $1.title) }
    }
}
