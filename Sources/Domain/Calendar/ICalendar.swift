import Foundation

/// RFC 5545 iCalendar text: a VCALENDAR of VEVENTs, CRLF line ends, lines folded at 75 octets on UTF-8 character
/// boundaries, TEXT values escaped. Times are written in UTC (`…Z`), so no VTIMEZONE is needed; all-day entries are
/// `VALUE=DATE` with the next day as the (exclusive) end. Pure: the same input always gives the same bytes.
public enum ICalendar {
    /// `PUBLISH` for feeds a calendar app subscribes to, `REQUEST` for an invitation (RFC 5546).
    public enum Method: String, Sendable {
        case publish = "PUBLISH"
        case request = "REQUEST"
        case cancel = "CANCEL"
    }

    public static let productID = "-//Tandem//Tandem Calendar 1.0//EN"
    public static let mediaType = "text/calendar; charset=utf-8"

    /// The stable UID of an object: `<objectType>-<uuid>@tandem`.
    public static func uid(_ objectType: String, _ id: UUID) -> String {
        "\(objectType)-\(id.uuidString.lowercased())@tandem"
    }

    /// The whole calendar; `stamp` is the DTSTAMP of every event (when this text was made), `name` the calendar's title.
    public static func document(method: Method, events: [CalendarEvent], stamp: Date, name: String? = nil) -> String {
        var lines = ["BEGIN:VCALENDAR", "PRODID:\(productID)", "VERSION:2.0", "CALSCALE:GREGORIAN", "METHOD:\(method.rawValue)"]
        if let name { lines.append("X-WR-CALNAME:\(escapeText(name))") }
        for event in events { lines.append(contentsOf: eventLines(event, stamp: stamp, method: method)) }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined()
    }

    /// The content lines of one VEVENT, not yet folded.
    static func eventLines(_ event: CalendarEvent, stamp: Date, method: Method) -> [String] {
        var lines = ["BEGIN:VEVENT", "UID:\(escapeText(event.uid))", "DTSTAMP:\(utc(stamp))"]
        switch event.timing {
        case .allDay(let date):
            lines.append("DTSTART;VALUE=DATE:\(basic(date))")
            lines.append("DTEND;VALUE=DATE:\(basic(date.adding(days: 1)))")
            // A due date is a marker, not busy time.
            lines.append("TRANSP:TRANSPARENT")
        case .timed(let start, let end):
            lines.append("DTSTART:\(utc(start))")
            lines.append("DTEND:\(utc(max(end, start)))")
        }
        lines.append("SUMMARY:\(escapeText(event.summary))")
        if let description = event.description, !description.isEmpty { lines.append("DESCRIPTION:\(escapeText(description))") }
        if let location = event.location, !location.isEmpty { lines.append("LOCATION:\(escapeText(location))") }
        if let url = event.url.flatMap(uri) { lines.append("URL:\(url)") }
        lines.append("SEQUENCE:\(max(event.sequence, 0))")
        lines.append("STATUS:\(event.status.rawValue)")
        if let organizer = event.organizer, let line = person("ORGANIZER", organizer, attendee: false) { lines.append(line) }
        for attendee in event.attendees {
            if let line = person("ATTENDEE", attendee, attendee: method == .request) { lines.append(line) }
        }
        lines.append("END:VEVENT")
        return lines
    }

    /// `ORGANIZER;CN="…":mailto:…` / `ATTENDEE;CN="…";ROLE=…:mailto:…`; nil for an address that is not one.
    static func person(_ property: String, _ person: CalendarEvent.Person, attendee rsvp: Bool) -> String? {
        guard let address = mailto(person.email) else { return nil }
        var line = property
        if !person.name.isEmpty { line += ";CN=\(quotedParameter(person.name))" }
        if property == "ATTENDEE" {
            line += ";CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION"
            if rsvp { line += ";RSVP=TRUE" }
        }
        return line + ":" + address
    }
}
