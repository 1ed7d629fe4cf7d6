import Domain
import Fluent
import Foundation
import Persistence
import Testing
import TestSupport
import Vapor
@testable import Web

/// Meetings end to end over the API: scheduling with a drafted or given agenda, minutes, the contact's confirmation
/// (audited; team action items become work items), visibility, and customer action items in the portal.
@Suite struct MeetingFlowTests {
    static func schedule(_ world: World, visible: Bool = true, agenda: [String]? = nil, title: String = "Weekly call") async throws -> Reply {
        var body: [String: any Sendable] = [
            "title": title, "startsAt": "2026-12-03T10:00:00+08:00", "durationMinutes": 45, "videoLink": "https://meet.example.com/abc",
            "visibleToCustomer": visible,
        ]
        if let agenda { body["agenda"] = agenda }
        return try await world.client.json(.POST, "/api/v1/projects/\(world.projectA)/meetings", token: world.ownerToken, body: body)
    }

    static let minutes: [String: any Sendable] = [
        "notes": "Went through the designs.", "decisions": ["Go with the green theme"],
        "actionItems": [
            ["title": "Build the checkout", "owner": "team", "dueDate": "2026-12-10"],
            ["title": "Send the product photos", "owner": "customer", "dueDate": "2026-12-08"],
        ],
    ]

    @Test func aMeetingWithoutAnAgendaGetsOneDraftedInTheCustomersLanguageWithoutInternalItems() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            // when
            let created = try await Self.schedule(world)
            // then
            #expect(created.status == .created)
            let agenda = (created.json["agenda"] as? [String]) ?? []
            #expect(agenda.contains("签署范围版本 1"))
            #expect(agenda.contains("验收交付物「Mock-ups」"))
            #expect(!created.body.contains("Code review notes"))
            #expect(!created.body.contains("Secret refactor"))
            #expect(created.string("startsAt") == "2026-12-03T02:00:00.000Z")
            #expect(created.string("endsAt") == "2026-12-03T02:45:00.000Z")
        }
    }

    @Test func anInternalMeetingsAgendaNamesInternalItemsToo() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let created = try await Self.schedule(world, visible: false)
            #expect(((created.json["agenda"] as? [String]) ?? []).contains("验收交付物「Code review notes」"))
        }
    }

    @Test func aGivenAgendaIsKeptAsGiven() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let created = try await Self.schedule(world, agenda: ["Budget", "Next steps"])
            #expect(created.json["agenda"] as? [String] == ["Budget", "Next steps"])
            let empty = try await Self.schedule(world, agenda: [])
            #expect(empty.json["agenda"] as? [String] == [])
        }
    }

    @Test(arguments: [
        ("startsAt", "2026-02-30T10:00:00Z" as any Sendable), ("startsAt", "2026-12-03 10:00"), ("startsAt", "2026-12-03T25:00:00Z"),
        ("startsAt", "2026-12-03T10:00:00"), ("durationMinutes", 4), ("durationMinutes", 601), ("videoLink", "javascript:alert(1)"),
        ("videoLink", "ftp://files.example.com"), ("title", "  "), ("title", String(repeating: "x", count: 201)), ("agenda", [""]),
    ])
    func anInvalidFieldIsRefusedByNameAndNothingIsWritten(_ field: String, _ value: any Sendable) async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            var body: [String: any Sendable] = ["title": "Call", "startsAt": "2026-12-03T10:00:00Z", "durationMinutes": 30]
            body[field] = value
            // when
            let reply = try await world.client.json(.POST, "/api/v1/projects/\(world.projectA)/meetings", token: world.ownerToken, body: body)
            // then
            #expect(reply.status == .badRequest)
            #expect(reply.errorField?.hasPrefix(field) == true, "\(reply.body)")
            #expect(try await MeetingRecord.query(on: app.db).count() == 0)
        }
    }

    @Test(arguments: [("owner", "boss" as any Sendable), ("dueDate", "2026-02-30"), ("title", "")])
    func anInvalidActionItemIsRefusedByNameAndNothingIsWritten(_ key: String, _ value: any Sendable) async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let meeting = try #require(try await Self.schedule(world).string("id"))
            var item: [String: any Sendable] = ["title": "Do it", "owner": "team", "dueDate": "2026-12-10"]
            item[key] = value
            let reply = try await world.client.json(
                .PUT, "/api/v1/meetings/\(meeting)/minutes", token: world.ownerToken,
                body: ["notes": "n", "decisions": [String](), "actionItems": [item]])
            #expect(reply.status == .badRequest)
            #expect(reply.errorField == "actionItems[0].\(key)")
            #expect(try await MeetingActionItemRecord.query(on: app.db).count() == 0)
            #expect(try await MeetingRecord.query(on: app.db).first()?.minutesStatus == nil)
        }
    }

    @Test func confirmedMinutesTurnTeamActionItemsIntoWorkAndAreAuditedAndFrozen() async throws {
        try await withTestApp { app, _ in
            // given minutes waiting for confirmation
            let world = try await World.make(app)
            let meeting = try #require(try await Self.schedule(world).string("id"))
            let written = try await world.client.json(.PUT, "/api/v1/meetings/\(meeting)/minutes", token: world.ownerToken, body: Self.minutes)
            #expect(written.status == .ok)
            #expect(written.string("status") == "awaiting_confirmation")
            let viewer = try #require(try await world.token(.viewerA))
            // when a contact (not an approver) confirms
            let confirmed = try await world.client.json(.POST, "/api/v1/meetings/\(meeting)/minutes/confirm", token: viewer)
            // then
            #expect(confirmed.status == .ok, "\(confirmed.body)")
            #expect(confirmed.string("status") == "confirmed")
            #expect((confirmed.json["confirmedBy"] as? [String: any Sendable])?["name"] as? String == "李雷")
            let items = (confirmed.json["actionItems"] as? [[String: any Sendable]]) ?? []
            let workID = try #require(items.first { $0["owner"] as? String == "team" }?["workItemId"] as? String)
            #expect(items.first { $0["owner"] as? String == "customer" }?["workItemId"] == nil)
            let work = try await world.client.json(.GET, "/api/v1/work-items/\(workID)", token: viewer)
            #expect(work.string("title") == "Build the checkout")
            #expect(work.string("startDate") == "2026-11-30")
            #expect(work.string("dueDate") == "2026-12-10")
            let list = try await world.client.json(.GET, "/api/v1/projects/\(world.projectA)/work-items", token: viewer)
            #expect(list.items.contains { $0["id"] as? String == workID })
            let schedule = try await world.client.json(.GET, "/api/v1/projects/\(world.projectA)/schedule", token: world.ownerToken)
            #expect(((schedule.json["items"] as? [[String: any Sendable]]) ?? []).contains { $0["id"] as? String == workID })
            let verify = try await world.client.json(.GET, "/api/v1/audit/verify", token: world.ownerToken)
            #expect(verify.json["ok"] as? Bool == true)
            let audit = try await world.client.json(.GET, "/api/v1/projects/\(world.projectA)/audit", token: world.ownerToken)
            #expect(audit.items.contains { $0["action"] as? String == "meeting.minutes_confirmed" })
            // and the minutes are frozen
            let again = try await world.client.json(.POST, "/api/v1/meetings/\(meeting)/minutes/confirm", token: viewer)
            #expect(again.status == .conflict)
            let edit = try await world.client.json(.PUT, "/api/v1/meetings/\(meeting)/minutes", token: world.ownerToken, body: Self.minutes)
            #expect(edit.status == .conflict)
            #expect(try await WorkItemRecord.query(on: app.db).filter(\.$title == "Build the checkout").count() == 1)
        }
    }

    @Test func theAuditEntryHoldsTheHashOfTheExactMinutesConfirmed() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let meetingID = try #require(try await Self.schedule(world).string("id"))
            _ = try await world.client.json(.PUT, "/api/v1/meetings/\(meetingID)/minutes", token: world.ownerToken, body: Self.minutes)
            let approver = try #require(try await world.token(.approverA))
            _ = try await world.client.json(.POST, "/api/v1/meetings/\(meetingID)/minutes/confirm", token: approver)
            let id = try #require(UUID(uuidString: meetingID))
            let meeting = try #require(try await MeetingStore.meeting(id, on: app.db))
            let entry = try #require(try await AuditEntryRecord.query(on: app.db).filter(\.$action == "meeting.minutes_confirmed").first())
            #expect(entry.contentHash == AuditChain.contentHash(MinutesContent.fields(meeting)))
        }
    }

    @Test func aMeetingWithoutMinutesCannotBeConfirmedAndMembersCannotConfirm() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let meeting = try #require(try await Self.schedule(world).string("id"))
            let approver = try #require(try await world.token(.approverA))
            #expect(try await world.client.json(.POST, "/api/v1/meetings/\(meeting)/minutes/confirm", token: approver).status == .conflict)
            _ = try await world.client.json(.PUT, "/api/v1/meetings/\(meeting)/minutes", token: world.ownerToken, body: Self.minutes)
            let byOwner = try await world.client.json(.POST, "/api/v1/meetings/\(meeting)/minutes/confirm", token: world.ownerToken)
            #expect(byOwner.status == .forbidden)
        }
    }

    @Test func aHiddenMeetingIsNotFoundForContactsAndMissingFromTheirList() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let hidden = try #require(try await Self.schedule(world, visible: false, title: "Internal retro").string("id"))
            let shown = try #require(try await Self.schedule(world).string("id"))
            let viewer = try #require(try await world.token(.viewerA))
            #expect(try await world.client.json(.GET, "/api/v1/meetings/\(hidden)", token: viewer).status == .notFound)
            #expect(try await world.client.json(.GET, "/api/v1/meetings/\(shown)", token: viewer).status == .ok)
            let list = try await world.client.json(.GET, "/api/v1/projects/\(world.projectA)/meetings", token: viewer)
            #expect(list.items.map { $0["id"] as? String } == [shown])
            #expect(!list.body.contains("Internal retro"))
            let team = try await world.client.json(.GET, "/api/v1/projects/\(world.projectA)/meetings", token: world.ownerToken)
            #expect(team.items.count == 2)
        }
    }

    @Test func aContactOfAnotherCustomerGetsNotFound() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let meeting = try #require(try await Self.schedule(world).string("id"))
            _ = try await world.client.json(.PUT, "/api/v1/meetings/\(meeting)/minutes", token: world.ownerToken, body: Self.minutes)
            let other = try #require(try await world.token(.contactB))
            #expect(try await world.client.json(.GET, "/api/v1/meetings/\(meeting)", token: other).status == .notFound)
            #expect(try await world.client.json(.POST, "/api/v1/meetings/\(meeting)/minutes/confirm", token: other).status == .notFound)
            #expect(try await world.client.json(.GET, "/api/v1/projects/\(world.projectA)/meetings", token: other).status == .notFound)
        }
    }

    @Test func customerActionItemsWaitInThePortalUntilTheTeamMarksThemDone() async throws {
        try await withTestApp { app, _ in
            // given confirmed minutes with a customer action item
            let world = try await World.make(app)
            let meeting = try #require(try await Self.schedule(world).string("id"))
            let written = try await world.client.json(.PUT, "/api/v1/meetings/\(meeting)/minutes", token: world.ownerToken, body: Self.minutes)
            let items = (written.json["actionItems"] as? [[String: any Sendable]]) ?? []
            let customerItem = try #require(items.first { $0["owner"] as? String == "customer" }?["id"] as? String)
            let approver = try #require(try await world.token(.approverA))
            let projectID = world.projectA
            #expect(try await MeetingStore.waitingOnCustomer(projectID: projectID, on: app.db).isEmpty)
            _ = try await world.client.json(.POST, "/api/v1/meetings/\(meeting)/minutes/confirm", token: approver)
            // then it waits on the customer, in the portal
            #expect(try await MeetingStore.waitingOnCustomer(projectID: projectID, on: app.db).map(\.title) == ["Send the product photos"])
            let page = try await world.send(.GET, "/portal/projects/\(projectID)", api: false, as: .approverA)
            #expect(page.body.contains("Send the product photos"))
            // when the team marks it done
            let done = try await world.client.json(.POST, "/api/v1/action-items/\(customerItem)/done", token: world.ownerToken)
            #expect(done.status == .ok)
            #expect(done.json["done"] as? Bool == true)
            // then it waits no more
            #expect(try await MeetingStore.waitingOnCustomer(projectID: projectID, on: app.db).isEmpty)
            let after = try await world.send(.GET, "/portal/projects/\(projectID)", api: false, as: .approverA)
            #expect(!after.body.contains("Send the product photos"))
        }
    }

    @Test func theInvitationNamesTheContactsInTheirLanguagesOnlyForCustomerVisibleMeetings() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let shownText = try await Self.schedule(world).string("id") ?? ""
            let hiddenText = try await Self.schedule(world, visible: false).string("id") ?? ""
            let shown = try #require(UUID(uuidString: shownText))
            let hidden = try #require(UUID(uuidString: hiddenText))
            let invitation = try await MeetingActions.invitation(meetingID: shown, on: app.db)
            #expect(invitation.organizer.email == "owner@studio.test")
            #expect(Set(invitation.attendees.map(\.email)) == ["wang@tea.test", "li@tea.test"])
            #expect(invitation.attendees.allSatisfy { $0.language == .zhHans })
            #expect(invitation.uid == "meeting-\(shown.uuidString.lowercased())@tandem")
            #expect(invitation.videoLink == "https://meet.example.com/abc")
            #expect(try await MeetingActions.invitation(meetingID: hidden, on: app.db).attendees.isEmpty)
        }
    }

    @Test func aMeetingIsRescheduledAndCalledOffUntilItHasMinutes() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            let id = try #require(try await Self.schedule(world).string("id"))
            // when rescheduled
            let moved = try await world.client.json(
                .PATCH, "/api/v1/meetings/\(id)", token: world.ownerToken, raw: #"{"startsAt": "2026-12-04T10:00:00Z", "videoLink": null}"#)
            // then
            #expect(moved.status == .ok)
            #expect(moved.string("startsAt") == "2026-12-04T10:00:00.000Z")
            #expect(moved.json["videoLink"] == nil)
            #expect(moved.json["sequence"] as? Int == 1)
            let bad = try await world.client.json(.PATCH, "/api/v1/meetings/\(id)", token: world.ownerToken, body: ["durationMinutes": 0])
            #expect(bad.status == .badRequest)
            #expect(bad.errorField == "durationMinutes")
            // when called off
            let cancelled = try await world.client.json(.PATCH, "/api/v1/meetings/\(id)", token: world.ownerToken, body: ["cancelled": true])
            #expect(cancelled.json["cancelled"] as? Bool == true)
            #expect(cancelled.json["sequence"] as? Int == 2)
            // then it takes no minutes and no further change
            let minutes = try await world.client.json(.PUT, "/api/v1/meetings/\(id)/minutes", token: world.ownerToken, body: Self.minutes)
            #expect(minutes.status == .conflict)
            #expect(try await world.client.json(.PATCH, "/api/v1/meetings/\(id)", token: world.ownerToken, body: ["title": "x"]).status == .conflict)
            let invitation = try await MeetingActions.invitation(meetingID: try #require(UUID(uuidString: id)), on: app.db)
            #expect(invitation.cancelled)
            #expect(invitation.sequence == 2)
        }
    }

    @Test func aHeldMeetingCannotBeRescheduled() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let id = try #require(try await Self.schedule(world).string("id"))
            _ = try await world.client.json(.PUT, "/api/v1/meetings/\(id)/minutes", token: world.ownerToken, body: Self.minutes)
            let moved = try await world.client.json(
                .PATCH, "/api/v1/meetings/\(id)", token: world.ownerToken, body: ["startsAt": "2026-12-04T10:00:00Z"])
            #expect(moved.status == .conflict)
        }
    }

    @Test func minutesChangedInTheDatabaseAfterConfirmationFailAuditVerify() async throws {
        try await withTestApp { app, _ in
            // given confirmed minutes
            let world = try await World.make(app)
            let id = try #require(try await Self.schedule(world).string("id"))
            _ = try await world.client.json(.PUT, "/api/v1/meetings/\(id)/minutes", token: world.ownerToken, body: Self.minutes)
            let approver = try #require(try await world.token(.approverA))
            _ = try await world.client.json(.POST, "/api/v1/meetings/\(id)/minutes/confirm", token: approver)
            #expect(try await world.client.json(.GET, "/api/v1/audit/verify", token: world.ownerToken).json["ok"] as? Bool == true)
            // when someone edits the notes behind the app's back
            let meetingID = try #require(UUID(uuidString: id))
            let row = try #require(try await MeetingRecord.find(meetingID, on: app.db))
            row.minutesNotes = "We agreed on a discount."
            try await row.update(on: app.db)
            // then verify names the meeting
            let verify = try await world.client.json(.GET, "/api/v1/audit/verify", token: world.ownerToken)
            #expect(verify.json["ok"] as? Bool == false)
            #expect(verify.string("problem")?.contains("meeting \(id.lowercased())") == true, "\(verify.body)")
        }
    }
}
