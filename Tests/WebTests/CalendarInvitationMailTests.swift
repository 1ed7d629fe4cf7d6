import Domain
import Fluent
import Foundation
import Persistence
import Testing
import TestSupport
import Vapor
@testable import Web

private let noTools: Comment = "python3 with aiosmtpd and icalendar not found (pip install aiosmtpd icalendar, or set TANDEM_TEST_PYTHON)"

/// Meeting invitations: the e-mail in the recipient's language with the `.ics` attached, through the real outbox and
/// SMTP client to a real aiosmtpd server on loopback, and the received bytes parsed by Python's `email` and `icalendar`.
@Suite struct CalendarInvitationMailTests {
    static let start = Date(timeIntervalSince1970: 1_796_032_800)  // 2026-11-30T10:00:00Z, 18:00 in Shanghai

    static func invitation(cancelled: Bool = false) -> MeetingInvitation {
        MeetingInvitation(
            meetingID: UUID(uuidString: "0B6C55D4-2E0A-4C57-9A59-0E4E3A7B1C11")!, title: "周会, 第 3 次", projectName: "小程序商城",
            start: start, end: start.addingTimeInterval(3600), timeZone: "Asia/Shanghai", videoLink: "https://meet.test/room-42",
            agenda: ["演示设计稿", "Questions; next steps"], organizer: .init(name: "Olivia Owner", email: "owner@studio.test"),
            attendees: [.init(name: "王芳", email: "wang@tea.test")], url: "http://tandem.test/portal/projects/x", sequence: 1,
            cancelled: cancelled)
    }

    @Test func theInvitationIsWrittenInTheRecipientsLanguageWithTheLocalTime() async throws {
        try await withTestApp { app, _ in
            // when
            let mail = Emails.meetingInvitation(
                Self.invitation(), recipientName: "王芳", workspace: "Studio", url: "http://tandem.test/portal/projects/x", language: .zhHans,
                catalogue: app.tandem.catalogue, stamp: Self.start)
            // then
            #expect(mail.rendered.subject == "会议邀请：周会, 第 3 次，2026-11-30 18:00–19:00 (Asia/Shanghai)")
            #expect(mail.rendered.text.contains("时间：2026-11-30 18:00–19:00 (Asia/Shanghai)"))
            #expect(mail.rendered.text.contains("视频链接：https://meet.test/room-42"))
            #expect(mail.rendered.text.contains("议程\n1. 演示设计稿\n2. Questions; next steps"))
            #expect(mail.rendered.html.contains("<a href=\"https://meet.test/room-42\">"))
            #expect(mail.attachment.contentType == "text/calendar; method=REQUEST; charset=UTF-8")
            #expect(String(decoding: mail.attachment.data, as: UTF8.self).contains("METHOD:REQUEST\r\n"))
            let english = Emails.meetingInvitation(
                Self.invitation(), recipientName: "Ana", workspace: "Studio", url: "http://tandem.test/x", language: .en,
                catalogue: app.tandem.catalogue, stamp: Self.start)
            #expect(english.rendered.text.contains("When: 2026-11-30 18:00–19:00 (Asia/Shanghai)"))
        }
    }

    @Test func aNonASCIIAttachmentNameIsEncodedAndTheBoundariesNest() throws {
        // given
        let message = MailMessage(
            from: "Tandem <tandem@example.com>", to: ["wang@tea.test"], subject: "s", text: "t", html: "<p>t</p>",
            attachments: [MailAttachment(filename: "会议.ics", contentType: "text/calendar; method=REQUEST; charset=UTF-8", data: Data("x".utf8))])
        // when
        let text = try MIMEMessage.render(message, boundarySeed: UUID(uuidString: "00000000-0000-0000-0000-000000000001")!)
        // then
        #expect(text.contains("Content-Type: multipart/mixed;\r\n boundary=\"=_tandem_mixed_00000000000000000000000000000001\""))
        #expect(text.contains("Content-Type: multipart/alternative;\r\n boundary=\"=_tandem_00000000000000000000000000000001\""))
        #expect(text.contains("filename*=UTF-8''%E4%BC%9A%E8%AE%AE.ics"))
        #expect(text.contains("Content-Transfer-Encoding: base64\r\n\r\neA==\r\n"))
        #expect(text.hasSuffix("--=_tandem_mixed_00000000000000000000000000000001--\r\n"))
        // and a type with a line break is refused (no header injection through it)
        var bad = message
        bad.attachments[0].contentType = "text/calendar\r\nBcc: x@y.test"
        #expect(throws: MIMEMessage.Refused.self) { try MIMEMessage.render(bad) }
    }

    @Test(.enabled(if: SMTPTestServer.available && CalendarChecker.available, noTools))
    func aQueuedInvitationArrivesOverSMTPWithItsICSIntact() async throws {
        try await withTestApp { app, clock in
            // given: an invitation queued in the outbox with its attachment, and a real SMTP server
            let server = try SMTPTestServer(mode: "plain")
            app.tandem.mail = try SMTPMailTransport(configuration: server.configuration())
            let world = try await World.make(app)
            let workspaceID = try #require(try await CustomerRecord.find(world.customerA, on: app.db)?.workspaceID)
            let mail = Emails.meetingInvitation(
                Self.invitation(), recipientName: "王芳", workspace: "Studio", url: "http://tandem.test/portal/projects/x", language: .zhHans,
                catalogue: app.tandem.catalogue, stamp: clock.now)
            let ctx = app.context()
            try await ctx.write { db in
                try await OutboxStore.enqueue(
                    on: db,
                    OutboxMessage(
                        workspaceID: workspaceID, projectID: world.projectA, recipient: "wang@tea.test", subject: mail.rendered.subject,
                        body: mail.rendered.text, htmlBody: mail.rendered.html, idempotencyKey: "meeting-test-1", attachment: mail.attachment),
                    now: ctx.now)
            }
            // when
            _ = try await OutboxDelivery.deliverDue(at: clock.now, in: app.context())
            // then
            let received = try server.received().filter { $0.rcpt_tos == ["wang@tea.test"] && $0.subject.hasPrefix("会议邀请") }
            try #require(received.count == 1)
            let summary = try CalendarChecker.check(Data(received[0].raw.utf8), mail: true)
            #expect(summary.ok, "\(summary.reason ?? "")")
            #expect(summary.method == "REQUEST")
            #expect(summary.filename == "invite.ics")
            let event = try #require(summary.events?.first)
            #expect(event.uid == "meeting-0b6c55d4-2e0a-4c57-9a59-0e4e3a7b1c11@tandem")
            #expect(event.summary == "周会, 第 3 次")
            #expect(event.start == "2026-11-30T10:00:00+00:00")
            #expect(event.sequence == 1)
            #expect(event.attendees == ["mailto:wang@tea.test"])
            #expect(event.attendeeNames == ["王芳"])
            #expect(event.organizer == "mailto:owner@studio.test")
            #expect(received[0].text?.contains("视频链接：https://meet.test/room-42") == true)
        }
    }
}
