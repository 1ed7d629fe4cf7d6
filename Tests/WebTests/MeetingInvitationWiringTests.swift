import Domain
import Fluent
import Foundation
import Persistence
import Testing
import TestSupport
import Vapor
@testable import Web

/// Meetings reach people: invitations with an `.ics` go to the invited contacts in their language when a meeting is
/// scheduled or changed, the calendar feeds carry the meetings (internal ones for the team only), and the plan's
/// meeting cadence schedules the next meeting once.
@Suite struct MeetingInvitationWiringTests {
    func invitations(_ app: Application) async throws -> [OutboxRecord] {
        try await OutboxRecord.query(on: app.db).all().filter { $0.idempotencyKey.hasPrefix("meeting-") }
    }

    @Test func schedulingAndReschedulingInviteTheContactsWithAnICS() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let created = try await world.client.json(
                .POST, "/api/v1/projects/\(world.projectA)/meetings", token: world.ownerToken,
                body: ["title": "Design review", "startsAt": "2026-12-10T02:00:00Z", "durationMinutes": 45])
            #expect(created.status == .created, "\(created.body)")
            let first = try await invitations(app)
            #expect(Set(first.map(\.recipient)).count == 2, "both contacts of project A: \(first.map(\.recipient))")
            #expect(first.allSatisfy { $0.attachmentType?.contains("method=REQUEST") == true })
            #expect(first.allSatisfy { String(decoding: $0.attachmentData ?? Data(), as: UTF8.self).contains("SEQUENCE:0") })

            let id = try #require(created.string("id"))
            let moved = try await world.client.json(
                .PATCH, "/api/v1/meetings/\(id)", token: world.ownerToken, body: ["startsAt": "2026-12-11T02:00:00Z"])
            #expect(moved.status == .ok, "\(moved.body)")
            let after = try await invitations(app)
            #expect(after.count == 4, "the change goes out once more to each contact")
            #expect(after.filter { String(decoding: $0.attachmentData ?? Data(), as: UTF8.self).contains("SEQUENCE:1") }.count == 2)

            let hidden = try await world.client.json(
                .POST, "/api/v1/projects/\(world.projectA)/meetings", token: world.ownerToken,
                body: ["title": "Internal retro", "startsAt": "2026-12-12T02:00:00Z", "durationMinutes": 30, "visibleToCustomer": false])
            #expect(hidden.status == .created)
            #expect(try await invitations(app).count == 4, "an internal meeting invites no contact")

            let team = try await world.client.send(
                .GET, "/api/v1/projects/\(world.projectA)/calendar.ics",
                headers: ["Authorization": "Bearer \(world.ownerToken)"], body: nil)
            #expect(team.body.contains("UID:meeting-\(id.lowercased())@tandem"))
            #expect(team.body.contains("Internal retro"))
            let contact = try await world.client.send(
                .GET, "/api/v1/projects/\(world.projectA)/calendar.ics",
                headers: ["Authorization": "Bearer \(try #require(try await world.token(.viewerA)))"], body: nil)
            #expect(contact.body.contains("Design review"))
            #expect(!contact.body.contains("Internal retro"), "internal meetings never reach a contact's calendar")
        }
    }

    @Test func theMeetingCadenceSchedulesTheNextMeetingOnce() async throws {
        try await withTestApp { app, clock in
            let world = try await World.make(app)
            let plan =
                #"{"reportCadence": {"every": "week", "weekday": 5, "time": "17:00"}, "meetingCadence": {"every": "week", "weekday": 3, "time": "10:00", "durationMinutes": 30}, "responseTargetHours": 24, "channels": []}"#
            _ = try await world.client.json(.PUT, "/api/v1/projects/\(world.projectA)/communication-plan", token: world.ownerToken, raw: plan)
            // Monday 30 November: the next Wednesday 10:00 Shanghai (2 December, 02:00Z) is within a week.
            #expect(try await CommunicationJobs.runDue(at: clock.now, in: app.context()) >= 1)
            #expect(try await CommunicationJobs.runDue(at: clock.now.addingTimeInterval(60), in: app.context()) == 0)
            let meetings = try await MeetingStore.meetings(projectID: world.projectA, onlyCustomerVisible: false, on: app.db)
            #expect(meetings.count == 1)
            #expect(meetings.first?.title == "例会", "titled in the customer's language")
            #expect(meetings.first?.startsAt == (try Date("2026-12-02T02:00:00Z", strategy: .iso8601)))
            #expect(meetings.first?.agenda.isEmpty == false, "its agenda is drafted from what is open")
        }
    }
}
