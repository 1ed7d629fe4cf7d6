import Foundation

/// A meeting of the team with the customer: when, how long, where (a video link), what about (the agenda), and,
/// once held, its minutes. `visibleToCustomer` false keeps an internal meeting with the team.
public struct Meeting: Sendable, Equatable, CustomerVisible {
    public var id: UUID
    public var projectID: UUID
    public var title: String
    public var startsAt: Date
    public var durationMinutes: Int
    public var videoLink: String?
    public var agenda: [String]
    public var visibleToCustomer: Bool
    public var createdAt: Date
    public var minutes: Minutes?
    /// 0 when scheduled, one more with every reschedule or the cancellation (the invitation's SEQUENCE).
    public var sequence: Int
    /// Set when the team called the meeting off (it stays listed, marked cancelled).
    public var cancelledAt: Date?

    public init(
        id: UUID, projectID: UUID, title: String, startsAt: Date, durationMinutes: Int, videoLink: String?, agenda: [String],
        visibleToCustomer: Bool, createdAt: Date, minutes: Minutes? = nil, sequence: Int = 0, cancelledAt: Date? = nil
    ) {
        self.id = id
        self.projectID = projectID
        self.title = title
        self.startsAt = startsAt
        self.durationMinutes = durationMinutes
        self.videoLink = videoLink
        self.agenda = agenda
        self.visibleToCustomer = visibleToCustomer
        self.createdAt = createdAt
        self.minutes = minutes
        self.sequence = sequence
        self.cancelledAt = cancelledAt
    }

    public var isCancelled: Bool { cancelledAt != nil }

    public var endsAt: Date { startsAt.addingTimeInterval(TimeInterval(durationMinutes * 60)) }

    /// The iCalendar UID of the meeting: stable for its life, so a calendar updates the event instead of adding one.
    public var uid: String { "meeting-\(id.uuidString.lowercased())@tandem" }
}

/// The state of a meeting's minutes: written by the team, then confirmed by a contact (and frozen).
public enum MinutesStatus: String, Sendable, Codable, CaseIterable {
    case awaitingConfirmation = "awaiting_confirmation"
    case confirmed
}

/// What was said and agreed in a meeting.
public struct Minutes: Sendable, Equatable {
    public var notes: String
    public var decisions: [String]
    public var actionItems: [ActionItem]
    public var status: MinutesStatus
    public var writtenAt: Date
    public var confirmedBy: UUID?
    public var confirmedAt: Date?

    public init(
        notes: String, decisions: [String], actionItems: [ActionItem], status: MinutesStatus, writtenAt: Date,
        confirmedBy: UUID? = nil, confirmedAt: Date? = nil
    ) {
        self.notes = notes
        self.decisions = decisions
        self.actionItems = actionItems
        self.status = status
        self.writtenAt = writtenAt
        self.confirmedBy = confirmedBy
        self.confirmedAt = confirmedAt
    }
}

/// Who carries out an action item.
public enum ActionOwner: String, Sendable, Codable, CaseIterable {
    case team, customer
}

/// Something to do agreed in a meeting. A team item becomes a work item when the minutes are confirmed
/// (`workItemID`); a customer item waits on the customer until the team marks it done (`doneAt`).
public struct ActionItem: Sendable, Equatable {
    public var id: UUID
    public var meetingID: UUID
    public var title: String
    public var owner: ActionOwner
    public var dueDate: LocalDate
    public var workItemID: UUID?
    public var doneAt: Date?

    public init(id: UUID, meetingID: UUID, title: String, owner: ActionOwner, dueDate: LocalDate, workItemID: UUID? = nil, doneAt: Date? = nil) {
        self.id = id
        self.meetingID = meetingID
        self.title = title
        self.owner = owner
        self.dueDate = dueDate
        self.workItemID = workItemID
        self.doneAt = doneAt
    }
}
