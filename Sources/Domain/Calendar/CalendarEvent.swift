import Foundation

/// One entry of a calendar feed or invitation, whatever it comes from (a milestone, a meeting): the texts are already
/// in the reader's language. Feeds are built from a list of these, so a new kind of entry only needs a mapping.
public struct CalendarEvent: Sendable, Equatable {
    /// When it happens: a whole day (a milestone's due date) or an interval in time (a meeting).
    public enum Timing: Sendable, Equatable {
        /// All day on `date` (the calendar shows it on that date in every time zone).
        case allDay(LocalDate)
        /// From `start` to `end`, written in UTC.
        case timed(start: Date, end: Date)
    }

    public enum Status: String, Sendable, Equatable {
        case confirmed = "CONFIRMED"
        case tentative = "TENTATIVE"
        case cancelled = "CANCELLED"
    }

    /// Someone with an address: the organizer or an attendee.
    public struct Person: Sendable, Equatable {
        public var name: String
        public var email: String

        public init(name: String, email: String) {
            self.name = name
            self.email = email
        }
    }

    /// Globally unique and stable for the object (`ICalendar.uid`), so a calendar app updates the entry instead of adding one.
    public var uid: String
    public var timing: Timing
    public var summary: String
    public var description: String?
    public var location: String?
    /// An http(s) link to the object in Tandem.
    public var url: String?
    /// Raised whenever an invitation is changed and sent again (RFC 5546 §2.1.4).
    public var sequence: Int
    public var status: Status
    public var organizer: Person?
    public var attendees: [Person]

    public init(
        uid: String, timing: Timing, summary: String, description: String? = nil, location: String? = nil, url: String? = nil,
        sequence: Int = 0, status: Status = .confirmed, organizer: Person? = nil, attendees: [Person] = []
    ) {
        self.uid = uid
        self.timing = timing
        self.summary = summary
        self.description = description
        self.location = location
        self.url = url
        self.sequence = sequence
        self.status = status
        self.organizer = organizer
        self.attendees = attendees
    }
}
