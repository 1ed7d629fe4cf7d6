import Domain
import Foundation
import Persistence

/// Meetings as timed entries (cancelled ones as CANCELLED, so a calendar drops them); internal ones only for the team.
struct MeetingCalendarSource: CalendarEventSource {
    func events(for projects: [ProjectRecord], view: CalendarFeed.View, in ctx: ActionContext) async throws -> [CalendarEvent] {
        let agendaHeading = ctx.services.catalogue.text("calendar.agenda", view.language)
        var events: [CalendarEvent] = []
        for project in projects {
            let projectID = try project.requireID()
            for meeting in try await MeetingStore.meetings(projectID: projectID, onlyCustomerVisible: view.customerView, on: ctx.db) {
                let title = view.spansProjects ? "\(meeting.title) (\(project.name))" : meeting.title
                let invitation = MeetingInvitation(
                    meetingID: meeting.id, title: title, projectName: project.name, start: meeting.startsAt, end: meeting.endsAt,
                    timeZone: project.timeZone, videoLink: meeting.videoLink, agenda: meeting.agenda,
                    organizer: CalendarEvent.Person(name: "", email: ""), attendees: [], url: view.projectURL(projectID, in: ctx),
                    sequence: meeting.sequence, cancelled: meeting.isCancelled)
                var event = invitation.event(agendaHeading: agendaHeading)
                event.organizer = nil
                events.append(event)
            }
        }
        return events
    }
}
