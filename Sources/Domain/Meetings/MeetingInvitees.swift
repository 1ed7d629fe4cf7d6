import Foundation

/// Who is invited to a meeting and in which language, with the event: what the invitation e-mails (`MeetingInvitation`,
/// one per attendee, each with its `.ics`) are made from. Made by
/// `MeetingInvitees.make`.
public struct MeetingInvitees: Sendable, Equatable {
    public struct Person: Sendable, Equatable {
        public var name: String
        public var email: String
        public var language: Language
        public init(name: String, email: String, language: Language) {
            self.name = name
            self.email = email
            self.language = language
        }
    }

    public var uid: String
    public var meetingID: UUID
    public var projectID: UUID
    public var projectName: String
    /// The project's IANA time zone, for showing the time as the project reads it.
    public var timeZone: String
    public var title: String
    public var startsAt: Date
    public var durationMinutes: Int
    public var videoLink: String?
    public var agenda: [String]
    public var organizer: Person
    public var attendees: [Person]
    /// RFC 5545 SEQUENCE: a calendar replaces an earlier invitation with a higher one.
    public var sequence: Int
    /// A cancelled meeting's invitation is sent as METHOD:CANCEL / STATUS:CANCELLED.
    public var cancelled: Bool

    public var endsAt: Date { startsAt.addingTimeInterval(TimeInterval(durationMinutes * 60)) }

    /// The invitation of `meeting`: the contacts are invited only to a customer-visible meeting (an internal one
    /// invites nobody outside the team), and only active contacts with an address.
    public static func make(
        _ meeting: Meeting, projectName: String, timeZone: String, organizer: Person, contacts: [Person], members: [Person] = []
    ) -> MeetingInvitees {
        let outside = meeting.visibleToCustomer ? contacts : []
        var seen: Set<String> = [organizer.email.lowercased()]
        let attendees = (outside + members).filter { !$0.email.isEmpty && seen.insert($0.email.lowercased()).inserted }
        return MeetingInvitees(
            uid: meeting.uid, meetingID: meeting.id, projectID: meeting.projectID, projectName: projectName, timeZone: timeZone,
            title: meeting.title, startsAt: meeting.startsAt, durationMinutes: meeting.durationMinutes, videoLink: meeting.videoLink,
            agenda: meeting.agenda, organizer: organizer, attendees: attendees, sequence: meeting.sequence, cancelled: meeting.isCancelled)
    }
}
