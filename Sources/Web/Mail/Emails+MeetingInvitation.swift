import Domain
import Foundation
import Persistence

extension Emails {
    /// A meeting invitation for one recipient: the e-mail (subject, text, HTML in `language`, the time in the project's
    /// time zone, the video link, the agenda) and its `.ics` (METHOD:REQUEST; METHOD:CANCEL once cancelled) to attach.
    /// Queue it with `OutboxMessage(…, attachment: invitation.attachment)`.
    struct MeetingInvitationMail: Sendable, Equatable {
        var rendered: Rendered
        var attachment: OutboxAttachment
    }

    static let invitationContentType = "text/calendar; method=REQUEST; charset=UTF-8"
    static let cancellationContentType = "text/calendar; method=CANCEL; charset=UTF-8"

    static func meetingInvitation(
        _ invitation: MeetingInvitation, recipientName: String, workspace: String, url: String, language: Language, catalogue: Catalogue,
        stamp: Date
    ) -> MeetingInvitationMail {
        let when = invitation.localTimeText
        let agendaHeading = catalogue.text("calendar.agenda", language)
        let prefix = invitation.cancelled ? "mail.meetingCancelled" : "mail.meetingInvitation"
        var paragraphs = [
            catalogue.text("\(prefix).body", language, [recipientName, workspace, invitation.title, invitation.projectName]),
            catalogue.text("mail.meetingInvitation.when", language, [when]),
        ]
        if let video = invitation.videoLink, !video.isEmpty, !invitation.cancelled {
            paragraphs.append(catalogue.text("mail.meetingInvitation.video", language, [video]))
        }
        if !invitation.agenda.isEmpty, !invitation.cancelled {
            paragraphs.append(agendaHeading + "\n" + invitation.agenda.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "\n"))
        }
        paragraphs.append(catalogue.text("mail.meetingInvitation.attached", language))
        paragraphs.append(url)
        var rendered = render(
            subject: catalogue.text("\(prefix).subject", language, [invitation.title, when]), text: paragraphs.joined(separator: "\n\n"),
            url: url, button: catalogue.text("mail.meetingInvitation.button", language), language: language)
        // The video link (it ends its paragraph) is a link too when it is http(s); `render` links only `url`.
        if let video = invitation.videoLink, ICalendar.uri(video) != nil, !invitation.cancelled {
            let escaped = HTML.escape(video)
            rendered.html = rendered.html.replacingOccurrences(of: "\(escaped)</p>", with: "<a href=\"\(escaped)\">\(escaped)</a></p>")
        }
        let ics = invitation.ics(agendaHeading: agendaHeading, stamp: stamp)
        return MeetingInvitationMail(
            rendered: rendered,
            attachment: OutboxAttachment(
                filename: invitation.cancelled ? "cancel.ics" : "invite.ics",
                contentType: invitation.cancelled ? cancellationContentType : invitationContentType, data: Data(ics.utf8)))
    }
}
