import Foundation
import Testing
@testable import Domain

private let stamp = Date(timeIntervalSince1970: 1_796_000_000)  // 2026-11-30T00:53:20Z
private let milestoneID = UUID(uuidString: "6F1E2D3C-4B5A-4978-8695-A4B3C2D1E0F9")!

private func day(_ text: String) -> LocalDate {
    guard let date = LocalDate(text) else { fatalError("bad test date \(text)") }
    return date
}

@Suite("iCalendar encoding (RFC 5545)")
struct ICalendarTests {
    @Test("a feed with one all-day milestone is exactly the hand-written calendar")
    func allDayFeedMatchesHandWrittenText() {
        // given
        let milestone = Milestone(
            id: milestoneID, projectID: UUID(), name: "Launch", description: nil, dueDate: day("2026-12-31"), visibleToCustomer: true)
        let event = CalendarEvent.milestone(
            milestone, summary: "Milestone: Launch", description: "Site, live; done\\", url: "https://tandem.test/projects/1")

        // when
        let text = ICalendar.document(method: .publish, events: [event], stamp: stamp, name: "Shop")

        // then
        let expected = [
            "BEGIN:VCALENDAR", "PRODID:-//Tandem//Tandem Calendar 1.0//EN", "VERSION:2.0", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:Shop", "BEGIN:VEVENT", "UID:milestone-6f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9@tandem",
            "DTSTAMP:20261130T005320Z", "DTSTART;VALUE=DATE:20261231", "DTEND;VALUE=DATE:20270101", "TRANSP:TRANSPARENT",
            "SUMMARY:Milestone: Launch", "DESCRIPTION:Site\\, live\\; done\\\\", "URL:https://tandem.test/projects/1", "SEQUENCE:0",
            "STATUS:CONFIRMED", "END:VEVENT", "END:VCALENDAR",
        ].map { $0 + "\r\n" }.joined()
        #expect(text == expected)
    }

    @Test("a timed meeting is written in UTC with its organizer, attendees and METHOD:REQUEST")
    func timedInvitationInUTC() {
        // given
        let start = Date(timeIntervalSince1970: 1_796_032_800)  // 2026-11-30T10:00:00Z
        let invitation = MeetingInvitation(
            meetingID: milestoneID, title: "Weekly", projectName: "Shop", start: start, end: start.addingTimeInterval(1800),
            timeZone: "Asia/Shanghai", videoLink: "https://meet.test/abc", agenda: ["Demo", "Next steps"],
            organizer: .init(name: "Ann \"the PM\" Lee", email: "ann@studio.test"), attendees: [.init(name: "王芳", email: "wang@tea.test")],
            url: nil, sequence: 2)

        // when
        let text = invitation.ics(agendaHeading: "Agenda", stamp: stamp)

        // then
        let lines = unfolded(text)
        #expect(lines.contains("METHOD:REQUEST"))
        #expect(lines.contains("UID:meeting-6f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9@tandem"))
        #expect(lines.contains("DTSTART:20261130T100000Z"))
        #expect(lines.contains("DTEND:20261130T103000Z"))
        #expect(lines.contains("SEQUENCE:2"))
        #expect(lines.contains("ORGANIZER;CN=\"Ann ^'the PM^' Lee\":mailto:ann@studio.test"))
        #expect(lines.contains("ATTENDEE;CN=\"王芳\";CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:wang@tea.test"))
        #expect(lines.contains("DESCRIPTION:https://meet.test/abc\\n\\nAgenda\\n1. Demo\\n2. Next steps"))
        #expect(!text.contains("VALUE=DATE"))
        #expect(invitation.localTimeText == "2026-11-30 18:00–18:30 (Asia/Shanghai)")
    }

    @Test("a cancelled meeting says STATUS:CANCELLED and METHOD:CANCEL")
    func cancelledMeeting() {
        // given
        let invitation = MeetingInvitation(
            meetingID: milestoneID, title: "Weekly", projectName: "Shop", start: stamp, end: stamp, timeZone: "UTC", videoLink: nil,
            agenda: [], organizer: .init(name: "Ann", email: "ann@studio.test"), attendees: [], url: nil, cancelled: true)

        // when
        let lines = unfolded(invitation.ics(agendaHeading: "Agenda", stamp: stamp))

        // then
        #expect(lines.contains("STATUS:CANCELLED"))
        #expect(lines.contains("METHOD:CANCEL"))
    }

    @Test("TEXT escaping covers backslash, semicolon, comma and every kind of line break, and drops control characters")
    func textEscaping() {
        #expect(ICalendar.escapeText("a\\b;c,d\ne\r\nf\rg\u{7}h") == "a\\\\b\\;c\\,d\\ne\\nf\\ng" + "h")
        #expect(ICalendar.escapeText("冒号:不转义") == "冒号:不转义")
    }

    @Test("a CN parameter is always quoted and cannot end the parameter or the line")
    func parameterQuoting() {
        #expect(ICalendar.quotedParameter("Lee, Ann; \"x\" ^ y\nz") == "\"Lee, Ann; ^'x^' ^^ y^nz\"")
    }

    @Test("folding keeps every line within 75 octets and never splits a Chinese character")
    func foldingChinese() throws {
        // given
        let summary = String(repeating: "里程碑上线", count: 30)  // 450 octets of 3-byte characters

        // when
        let folded = ICalendar.fold("SUMMARY:" + summary)

        // then
        let physical = folded.components(separatedBy: "\r\n").dropLast()
        #expect(physical.count > 5)
        for line in physical {
            #expect(line.utf8.count <= 75)
            #expect(String(validating: Array(line.utf8), as: UTF8.self) != nil)
        }
        #expect(physical.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        // The first line holds "SUMMARY:" (8 octets) and 22 characters (66): a 23rd would make 77.
        #expect(physical.first!.utf8.count == 74)
        #expect(unfolded(folded) == ["SUMMARY:" + summary])
    }

    @Test("an ASCII line of exactly 75 octets is not folded, one of 76 is")
    func foldingBoundary() {
        let exact = String(repeating: "a", count: 75)
        #expect(ICalendar.fold(exact) == exact + "\r\n")
        let longer = String(repeating: "a", count: 76)
        #expect(ICalendar.fold(longer) == exact + "\r\n a\r\n")
    }

    @Test("folding never splits a four-byte emoji either")
    func foldingEmoji() {
        let folded = ICalendar.fold("SUMMARY:" + String(repeating: "🚀", count: 40))
        for line in folded.components(separatedBy: "\r\n").dropLast() {
            #expect(line.utf8.count <= 75)
            #expect(String(validating: Array(line.utf8), as: UTF8.self) != nil)
        }
    }

    @Test("the UID of an object is the same every time and differs between objects and kinds")
    func uidStability() {
        let other = UUID()
        #expect(ICalendar.uid("milestone", milestoneID) == ICalendar.uid("milestone", milestoneID))
        #expect(ICalendar.uid("milestone", milestoneID) != ICalendar.uid("meeting", milestoneID))
        #expect(ICalendar.uid("milestone", milestoneID) != ICalendar.uid("milestone", other))
        #expect(ICalendar.uid("milestone", milestoneID).hasSuffix("@tandem"))
    }

    @Test("every line of a document ends with CRLF, and no bare CR or LF is left inside")
    func crlfEverywhere() {
        let milestone = Milestone(
            id: milestoneID, projectID: UUID(), name: "x", description: nil, dueDate: day("2026-01-01"), visibleToCustomer: true)
        let text = ICalendar.document(
            method: .publish, events: [.milestone(milestone, summary: "a\nb\rc", description: "d\r\ne", url: nil)], stamp: stamp)
        #expect(text.hasSuffix("\r\n"))
        let withoutCRLF = text.replacingOccurrences(of: "\r\n", with: "")
        #expect(!withoutCRLF.contains("\r") && !withoutCRLF.contains("\n"))
    }

    @Test("a URL that is not http(s) is left out, an address that is not one drops the attendee")
    func unsafeValuesLeftOut() {
        let event = CalendarEvent(
            uid: "x@tandem", timing: .allDay(day("2026-01-01")), summary: "s", url: "javascript:alert(1)",
            attendees: [.init(name: "Bad", email: "bad\r\nATTENDEE:x@y")])
        let text = ICalendar.document(method: .publish, events: [event], stamp: stamp)
        #expect(!text.contains("URL:"))
        #expect(!text.contains("ATTENDEE"))
    }

    @Test("DTSTAMP and times are UTC whole seconds, from 1970 to the end of 2099")
    func utcFormatting() {
        #expect(ICalendar.utc(Date(timeIntervalSince1970: 0)) == "19700101T000000Z")
        #expect(ICalendar.utc(Date(timeIntervalSince1970: 4_102_444_799.9)) == "20991231T235959Z")
    }

    private func unfolded(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }
}
