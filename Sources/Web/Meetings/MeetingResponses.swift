import Domain
import Foundation

/// A meeting as the API answers it, with its minutes once written.
struct MeetingResponse: Encodable {
    var id: UUID
    var projectId: UUID
    var title: String
    var startsAt: Date
    var endsAt: Date
    var durationMinutes: Int
    var videoLink: String?
    var agenda: [String]
    var visibleToCustomer: Bool
    var createdAt: Date
    var sequence: Int
    var cancelled: Bool
    var cancelledAt: Date?
    var minutes: MinutesResponse?

    init(_ meeting: Meeting, confirmer: PersonRef? = nil) {
        id = meeting.id
        projectId = meeting.projectID
        title = meeting.title
        startsAt = meeting.startsAt
        endsAt = meeting.endsAt
        durationMinutes = meeting.durationMinutes
        videoLink = meeting.videoLink
        agenda = meeting.agenda
        visibleToCustomer = meeting.visibleToCustomer
        createdAt = meeting.createdAt
        sequence = meeting.sequence
        cancelled = meeting.isCancelled
        cancelledAt = meeting.cancelledAt
        minutes = meeting.minutes.map { MinutesResponse($0, meetingID: meeting.id, confirmer: confirmer) }
    }
}

/// A meeting's minutes: `status` is `awaiting_confirmation` until a contact confirms them.
struct MinutesResponse: Encodable {
    var meetingId: UUID
    var status: String
    var notes: String
    var decisions: [String]
    var actionItems: [ActionItemResponse]
    var writtenAt: Date
    var confirmedBy: PersonRef?
    var confirmedAt: Date?

    init(_ minutes: Minutes, meetingID: UUID, confirmer: PersonRef?) {
        meetingId = meetingID
        status = minutes.status.rawValue
        notes = minutes.notes
        decisions = minutes.decisions
        actionItems = minutes.actionItems.map(ActionItemResponse.init)
        writtenAt = minutes.writtenAt
        confirmedBy = confirmer
        confirmedAt = minutes.confirmedAt
    }
}

/// An action item: a team one names the work item it became (`workItemId`) once the minutes are confirmed.
struct ActionItemResponse: Encodable {
    var id: UUID
    var meetingId: UUID
    var title: String
    var owner: String
    var dueDate: String
    var workItemId: UUID?
    var done: Bool
    var doneAt: Date?

    init(_ item: ActionItem) {
        id = item.id
        meetingId = item.meetingID
        title = item.title
        owner = item.owner.rawValue
        dueDate = item.dueDate.description
        workItemId = item.workItemID
        done = item.doneAt != nil
        doneAt = item.doneAt
    }
}
