import Foundation

/// A meeting as its invitation e-mail and its `.ics` (METHOD:REQUEST) carry it, with the texts already in the
/// recipient's language. The meetings part builds one per contact and sends it with `Emails.meetingInvitation`.
public struct MeetingInvitation: Sendable, Equatable {
    public var meetingID: UUID
    public var title: String
    public var projectName: String
    public var start: Date
    public var end: Date
    /// The project's IANA time zone: the e-mail shows the time in it (the `.ics` is in UTC).
    public var timeZone: String
    public var videoLink: String?
    public var agenda: [String]
    public var organizer: CalendarEvent.Person
    public var attendees: [CalendarEvent.Person]
    /// The meeting's link in Tandem (the portal's for a contact).
    public var url: String?
    /// Bumped each time the meeting changes and the invitation goes out again.
    public var sequence: Int
    public var cancelled: Bool

    public init(
        meetingID: UUID, title: String, projectName: String, start: Date, end: Date, timeZone: String, videoLink: String?,
        agenda: [String], organizer: CalendarEvent.Person, attendees: [CalendarEvent.Person], url: String?, sequence: Int = 0,
        cancelled: Bool = false
    ) {
        self.meetingID = meetingID
        self.title = title
        self.projectName = projectName
        self.start = start
        self.end = end
        self.timeZone = timeZone
        self.videoLink = videoLink
        self.agenda = agenda
        self.organizer = organizer
        self.attendees = attendees
        self.url = url
        self.sequence = sequence
        self.cancelled = cancelled
    }

    /// The meeting as a calendar entry (also what a feed shows for it); `agendaHeading` is e.g. "Agenda" / "议程".
    public func event(agendaHeading: String) -> CalendarEvent {
        var description: [String] = []
        if let videoLink, !videoLink.isEmpty { description.append(videoLink) }
        if !agenda.isEmpty {
            description.append(agendaHeading + "\n" + agenda.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "\n"))
        }
        return CalendarEvent(
            uid: ICalendar.uid("meeting", meetingID), timing: .timed(start: start, end: end), summary: title,
            description: description.isEmpty ? nil : description.joined(separator: "\n\n"),
            location: videoLink, url: url ?? videoLink, sequence: sequence, status: cancelled ? .cancelled : .confirmed,
            organizer: organizer, attendees: attendees)
    }

    /// The `.ics` attached to the invitation: METHOD:REQUEST with the one event (METHOD:CANCEL once cancelled).
    public func ics(agendaHeading: String, stamp: Date) -> String {
        ICalendar.document(method: cancelled ? .cancel : .request, events: [event(agendaHeading: agendaHeading)], stamp: stamp)
    }

    /// The time as the e-mail shows it: "2026-12-10 14:00–15:00 (Asia/Shanghai)", in the project's time zone.
    public var localTimeText: String {
        let zone = TimeZone(identifier: timeZone) ?? TimeZone(identifier: "UTC")!
        func clock(_ instant: Date) -> String {
            let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: instant)
            let rest = ((seconds % 86_400) + 86_400) % 86_400
            return String(format: "%02d:%02d", rest / 3600, rest / 60 % 60)
        }
        let startDay = LocalDate(start, in: zone)
        let endDay = LocalDate(end, in: zone)
        let endText = endDay == startDay ? clock(end) : "\(endDay) \(clock(end))"
        return "\(startDay) \(clock(start))–\(endText) (\(zone.identifier))"
    }
}

extension CalendarEvent {
    /// A milestone as an all-day entry on its due date; `summary` is already worded in the reader's language.
    public static func milestone(_ milestone: Milestone, summary: String, description: String?, url: String?) -> CalendarEvent {
        CalendarEvent(
            uid: ICalendar.uid("milestone", milestone.id), timing: .allDay(milestone.dueDate), summary: summary,
            description: description, url: url)
    }
}
