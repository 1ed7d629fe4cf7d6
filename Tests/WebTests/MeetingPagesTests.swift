import Domain
import Fluent
import Foundation
import Persistence
import Testing
import TestSupport
import Vapor
@testable import Web

/// The meeting pages without JavaScript: scheduling from the project page, the minutes editor with its rows, the
/// portal's confirm step in the contact's language.
@Suite struct MeetingPagesTests {
    /// Posts a form with repeated fields (the minutes' action-item rows) as `who`.
    static func post(_ world: World, _ path: String, as who: World.Who, _ fields: [(String, String)]) async throws -> Reply {
        let session = try #require(try await world.session(who))
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .cookie, value: "tandem_session=\(session.token)")
        headers.contentType = .urlEncodedForm
        let all = fields + [("_csrf", session.csrf)]
        let body = all.map { "\(TestClient.encodeQuery($0.0))=\(TestClient.encodeQuery($0.1))" }.joined(separator: "&")
        return try await world.client.send(.POST, path, headers: headers, body: ByteBuffer(string: body))
    }

    @Test func theTeamSchedulesAMeetingFromTheProjectPageInTheProjectsTimeZone() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            // when
            let reply = try await world.send(
                .POST, "/projects/\(world.projectA)/meetings", api: false, as: .owner,
                form: [
                    "title": "Kick-off", "startsAt": "2026-12-03T10:00", "durationMinutes": "60", "videoLink": "https://meet.example.com/k",
                    "agenda": "", "visibleToCustomer": "on",
                ])
            // then
            #expect(reply.status == .seeOther)
            let meeting = try #require(try await MeetingRecord.query(on: app.db).first())
            #expect(meeting.startsAt == Instant.parse("2026-12-03T02:00:00Z"))
            #expect(reply.location == "/meetings/\(try meeting.requireID().uuidString)")
            let page = try await world.send(.GET, "/meetings/\(try meeting.requireID())", api: false, as: .owner)
            #expect(page.body.contains("2026-12-03 10:00"))
            #expect(page.body.contains("<ol class=\"agenda\"><li>签署范围版本 1</li>"))
            #expect(!page.body.contains("Web.HTML"))
            #expect(page.body.contains("href=\"https://meet.example.com/k\""))
            let project = try await world.send(.GET, "/projects/\(world.projectA)", api: false, as: .owner)
            #expect(project.body.contains("Kick-off"))
            #expect(project.body.contains("id=\"meetings\""))
        }
    }

    @Test func aRefusedScheduleFormComesBackWithItsValuesAndNothingIsWritten() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let reply = try await world.send(
                .POST, "/projects/\(world.projectA)/meetings", api: false, as: .owner,
                form: ["title": "Kick-off", "startsAt": "2026-02-30T10:00", "durationMinutes": "60"])
            #expect(reply.status == .badRequest)
            #expect(reply.body.contains("value=\"Kick-off\""))
            #expect(try await MeetingRecord.query(on: app.db).count() == 0)
        }
    }

    @Test func theMinutesEditorSavesRowsAndOffersMoreRowsByPosting() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            let id = try #require(try await MeetingFlowTests.schedule(world).string("id"))
            let before = try await world.send(.GET, "/meetings/\(id)", api: false, as: .owner)
            #expect(before.body.components(separatedBy: "name=\"itemTitle\"").count - 1 == MeetingPages.blankRows)
            // when
            let reply = try await Self.post(
                world, "/meetings/\(id)/minutes", as: .owner,
                [
                    ("notes", "Talked"), ("decisions", "Green theme\nShip in January"), ("itemTitle", "Build the checkout"), ("itemOwner", "team"),
                    ("itemDue", "2026-12-10"), ("itemTitle", "Send photos"), ("itemOwner", "customer"), ("itemDue", "2026-12-08"),
                    ("itemTitle", ""), ("itemOwner", "team"), ("itemDue", ""), ("more", "1"),
                ])
            // then
            #expect(reply.status == .ok)
            #expect(reply.body.components(separatedBy: "name=\"itemTitle\"").count - 1 == 2 + MeetingPages.blankRows * 2)
            let meetingID = try #require(UUID(uuidString: id))
            let meeting = try #require(try await MeetingStore.meeting(meetingID, on: app.db))
            #expect(meeting.minutes?.decisions == ["Green theme", "Ship in January"])
            #expect(meeting.minutes?.actionItems.map(\.owner) == [.team, .customer])
        }
    }

    @Test func theContactConfirmsTheMinutesInThePortalInTheirLanguage() async throws {
        try await withTestApp { app, _ in
            // given minutes waiting
            let world = try await World.make(app)
            let id = try #require(try await MeetingFlowTests.schedule(world).string("id"))
            _ = try await world.client.json(.PUT, "/api/v1/meetings/\(id)/minutes", token: world.ownerToken, body: MeetingFlowTests.minutes)
            let portal = try await world.send(.GET, "/portal/projects/\(world.projectA)", api: false, as: .viewerA)
            #expect(portal.body.contains("请确认「Weekly call」的会议纪要"))
            #expect(portal.body.contains("确认纪要"))
            #expect(portal.body.contains("action=\"/portal/meetings/\(id)/confirm\""))
            #expect(portal.body.contains("加入视频会议"))
            #expect(portal.body.contains("<li>Go with the green theme</li>"))
            #expect(portal.body.contains("<ol class=\"agenda\"><li>"))
            #expect(!portal.body.contains("Web.HTML"))
            // when the contact presses "confirm", is asked once more, and confirms
            let asked = try await world.send(.POST, "/portal/meetings/\(id)/confirm", api: false, as: .viewerA)
            #expect(asked.status == .ok)
            #expect(asked.body.contains("确认「Weekly call」的会议纪要如实记录了双方的约定吗？"))
            #expect(try await MeetingRecord.query(on: app.db).first()?.minutesStatus == .awaitingConfirmation)
            let reply = try await world.send(.POST, "/portal/meetings/\(id)/confirm", api: false, as: .viewerA, form: ["confirm": "yes"])
            // then
            #expect(reply.status == .seeOther)
            #expect(reply.location == "/portal/projects/\(world.projectA)?done=minutes#notice")
            let after = try await world.send(.GET, reply.location ?? "", api: false, as: .viewerA)
            #expect(after.body.contains("谢谢！会议纪要已确认。"))
            #expect(after.body.contains("「Send the product photos」（截止 2026-12-08）"))
            let team = try await world.send(.GET, "/meetings/\(id)", api: false, as: .owner)
            #expect(team.body.contains("data-status=\"confirmed\""))
            #expect(team.body.contains("李雷"))
            #expect(!team.body.contains("name=\"itemTitle\""))
            // "my projects" counts the action item with the scope and the deliverable waiting there
            let project = try #require(try await ProjectRecord.find(world.projectA, on: app.db))
            let list = try await PortalListModel.load([project], now: app.tandem.clock(), on: app.db)
            #expect(list.rows.first?.waitingCount == 3)
        }
    }

    @Test func aHiddenMeetingNeverShowsInThePortal() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let id = try #require(try await MeetingFlowTests.schedule(world, visible: false, title: "CANARY retro").string("id"))
            _ = try await world.client.json(.PUT, "/api/v1/meetings/\(id)/minutes", token: world.ownerToken, body: MeetingFlowTests.minutes)
            let portal = try await world.send(.GET, "/portal/projects/\(world.projectA)", api: false, as: .approverA)
            #expect(!portal.body.contains("CANARY"))
            #expect(try await world.send(.POST, "/portal/meetings/\(id)/confirm", api: false, as: .approverA).status == .notFound)
        }
    }
}
