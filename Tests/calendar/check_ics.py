"""Validates an iCalendar text (or the .ics attachment of a raw e-mail) with PyPI icalendar and the RFC 5545 rules
icalendar itself tolerates: CRLF line ends, lines of at most 75 octets, a UID and DTSTAMP on every event, and one
VCALENDAR with PRODID and VERSION:2.0. Prints a JSON summary on success; exits 1 with the reason otherwise.

    python check_ics.py FILE            # a .ics file
    python check_ics.py --mail FILE     # a raw RFC 5322 message: its text/calendar attachment
"""
import email
import email.policy
import json
import sys

import icalendar


def fail(reason):
    print(json.dumps({"ok": False, "reason": reason}))
    sys.exit(1)


def attachment_of(raw):
    message = email.message_from_bytes(raw, policy=email.policy.default)
    if message.get_content_type() != "multipart/mixed":
        fail("the message is %s, not multipart/mixed" % message.get_content_type())
    for part in message.iter_attachments():
        if part.get_content_type() == "text/calendar":
            return part.get_payload(decode=True), {
                "filename": part.get_filename(),
                "method": part.get_param("method"),
                "textTypes": [p.get_content_type() for p in message.walk()],
            }
    fail("no text/calendar attachment")


def check(data):
    if not data.endswith(b"\r\n"):
        fail("the text does not end with CRLF")
    for number, line in enumerate(data.split(b"\r\n")[:-1], start=1):
        if b"\n" in line or b"\r" in line:
            fail("line %d has a bare CR or LF" % number)
        if len(line) > 75:
            fail("line %d is %d octets long" % (number, len(line)))
        line.decode("utf-8")  # a fold that split a character makes the line invalid UTF-8
    calendar = icalendar.Calendar.from_ical(data)
    if calendar.name != "VCALENDAR":
        fail("not a VCALENDAR")
    for key in ("PRODID", "VERSION"):
        if key not in calendar:
            fail("the calendar has no " + key)
    if str(calendar["VERSION"]) != "2.0":
        fail("VERSION is not 2.0")
    events = []
    for event in calendar.walk("VEVENT"):
        for key in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
            if key not in event:
                fail("an event has no " + key)
        start = event.decoded("DTSTART")
        all_day = not hasattr(start, "hour")
        if not all_day and start.utcoffset() is None:
            fail("a timed event has a floating DTSTART")
        end = event.decoded("DTEND") if "DTEND" in event else None
        events.append({
            "uid": str(event["UID"]),
            "summary": str(event["SUMMARY"]),
            "description": str(event.get("DESCRIPTION", "")),
            "start": start.isoformat(),
            "end": end.isoformat() if end is not None else None,
            "allDay": all_day,
            "status": str(event.get("STATUS", "")),
            "sequence": int(event.get("SEQUENCE", 0)),
            "organizer": str(event.get("ORGANIZER", "")),
            "attendees": [str(a) for a in (event.get("ATTENDEE") if isinstance(event.get("ATTENDEE"), list) else [event.get("ATTENDEE")] if event.get("ATTENDEE") else [])],
            "attendeeNames": [a.params.get("CN", "") for a in (event.get("ATTENDEE") if isinstance(event.get("ATTENDEE"), list) else [event.get("ATTENDEE")] if event.get("ATTENDEE") else [])],
        })
    return {
        "ok": True,
        "method": str(calendar.get("METHOD", "")),
        "name": str(calendar.get("X-WR-CALNAME", "")),
        "events": events,
    }


def main():
    args = sys.argv[1:]
    mail = args and args[0] == "--mail"
    if mail:
        args = args[1:]
    if len(args) != 1:
        fail("usage: check_ics.py [--mail] FILE")
    with open(args[0], "rb") as handle:
        raw = handle.read()
    extra = {}
    if mail:
        raw, extra = attachment_of(raw)
    try:
        summary = check(raw)
    except (ValueError, UnicodeDecodeError) as error:
        fail("does not parse: %s" % error)
    summary.update(extra)
    print(json.dumps(summary, ensure_ascii=False))


if __name__ == "__main__":
    main()
