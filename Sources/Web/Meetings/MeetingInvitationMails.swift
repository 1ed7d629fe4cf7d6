import Domain
import Fluent
import Foundation
import Persistence

/// The invitation e-mails of a meeting: one per invited contact, in that contact's language, with the `.ics`
/// (METHOD:REQUEST; METHOD:CANCEL once cancelled) attached. Queued in the transaction that schedules, changes or cancels
/// the meeting, keyed by its `sequence`, so each change goes out once and a calendar replaces the entry it holds.
enum MeetingInvitationMails {
    static func enqueue(meetingID: UUID, on db: any Database, in ctx: ActionContext) async throws {
        let invitees = try await MeetingActions.invitation(meetingID: meetingID, on: db)
        guard let project = try await ProjectRecord.find(invitees.projectID, on: db),
            let workspace = try await WorkspaceRecord.find(project.workspaceID, on: db)
        else { return }
        let organizer = CalendarEvent.Person(name: invitees.organizer.name, email: invitees.organizer.email)
        let url = ctx.config.baseURL.absoluteString + PagePath.portalProject(invitees.projectID).description + "#meetings"
        for attendee in invitees.attendees {
            let invitation = MeetingInvitation(
                meetingID: meetingID, title: invitees.title, projectName: invitees.projectName, start: invitees.startsAt, end: invitees.endsAt,
                timeZone: invitees.timeZone, videoLink: invitees.videoLink, agenda: invitees.agenda, organizer: organizer,
                attendees: [CalendarEvent.Person(name: attendee.name, email: attendee.email)], url: url, sequence: invitees.sequence,
                cancelled: invitees.cancelled)
            let mail = Emails.meetingInvitation(
                invitation, recipientName: attendee.name, workspace: workspace.name, url: url, language: attendee.language,
                catalogue: ctx.services.catalogue, stamp: ctx.now)
            try await OutboxStore.enqueue(
                on: db,
                OutboxMessage(
                    workspaceID: project.workspaceID, projectID: invitees.projectID, recipient: attendee.email, subject: mail.rendered.subject,
                    body: mail.rendered.text, htmlBody: mail.rendered.html,
                    idempotencyKey: "meeting-\(meetingID.uuidString.lowercased())-\(invitees.sequence)-\(attendee.email.lowercased())",
                    attachment: mail.attachment),
                now: ctx.now)
        }
    }
}
