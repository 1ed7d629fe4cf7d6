import Domain
import Foundation
import Persistence
import Testing
import TestSupport
import Vapor
@testable import Web

/// What a contact is told is computed from what they may see: no reference to a hidden milestone,
/// no progress or end date moved by hidden work.
@Suite struct ComputedVisibilityTests {
    @Test func aVisibleItemOfAnInternalMilestoneNamesNoMilestoneToAContact() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            let patch = try await world.client.json(
                .PATCH, "/api/v1/work-items/\(world.visibleItem)", token: world.ownerToken,
                body: ["milestoneId": world.hiddenMilestone.uuidString])
            #expect(patch.status == .ok)
            let viewer = try #require(try await world.token(.viewerA))
            // when
            let one = try await world.client.json(.GET, "/api/v1/work-items/\(world.visibleItem)", token: viewer)
            let list = try await world.client.json(.GET, "/api/v1/projects/\(world.projectA)/work-items", token: viewer)
            let team = try await world.client.json(.GET, "/api/v1/work-items/\(world.visibleItem)", token: world.ownerToken)
            // then
            #expect(one.status == .ok && !(one.json["milestoneId"] is String))
            #expect(!one.body.contains(world.hiddenMilestone.uuidString) && !list.body.contains(world.hiddenMilestone.uuidString))
            #expect(team.string("milestoneId") == world.hiddenMilestone.uuidString)
        }
    }

    @Test func hiddenWorkMovesNeitherTheProgressNorTheEndDateAContactSees() async throws {
        try await withTestApp { app, _ in
            // given: the internal item is done and runs long after the visible one
            let world = try await World.make(app)
            _ = try await world.client.json(
                .PATCH, "/api/v1/work-items/\(world.hiddenItem)", token: world.ownerToken,
                body: ["dueDate": "2027-03-31", "progress": 100])
            let viewer = try #require(try await world.token(.viewerA))
            // when
            let contact = try await world.client.json(.GET, "/api/v1/projects/\(world.projectA)", token: viewer)
            let team = try await world.client.json(.GET, "/api/v1/projects/\(world.projectA)", token: world.ownerToken)
            let schedule = try await world.client.json(.GET, "/api/v1/projects/\(world.projectA)/schedule", token: viewer)
            let portal = try await world.client.page(
                .GET, "/portal/projects/\(world.projectA)",
                cookies: ["tandem_session": try #require(try await world.session(.viewerA)).token])
            // then
            #expect(contact.json["progress"] as? Int == 0)
            #expect(team.json["progress"] as? Int == 50)
            let contactEnd = try #require(contact.string("endDate"))
            #expect(contactEnd < "2027-01-01", "contact sees \(contactEnd)")
            #expect(team.string("endDate")?.hasPrefix("2027-03") == true)
            #expect(schedule.string("endDate").map { $0 < "2027-01-01" } == true)
            #expect(!portal.body.contains("2027-03"))
        }
    }

    @Test func aNameWithANulByteIsRefusedAndNothingIsWritten() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            let before = try await CustomerRecord.query(on: app.db).count()
            // when
            let reply = try await world.client.json(
                .POST, "/api/v1/customers", token: world.ownerToken, raw: #"{"name":"Tea\u0000House","language":"en"}"#)
            let notes = try await world.client.json(
                .POST, "/api/v1/customers", token: world.ownerToken,
                raw: #"{"name":"Tea House","language":"en","notes":"a\u001b[31mb"}"#)
            // then
            #expect(reply.status == .badRequest && reply.errorField == "name")
            #expect(notes.status == .badRequest && notes.errorField == "notes")
            #expect(try await CustomerRecord.query(on: app.db).count() == before)
        }
    }

    @Test func aDeliverableLinkThatWouldBreakOutOfAnAttributeIsRefused() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let reply = try await world.client.json(
                .POST, "/api/v1/deliverables/\(world.visibleDeliverable)/submit", token: world.ownerToken,
                body: ["link": "https://x.example/\"onmouseover=alert(1)"])
            #expect(reply.status == .badRequest && reply.errorField == "link")
        }
    }

    @Test func acceptingAnUnknownInvitationIsTheDocumented404() async throws {
        try await withTestApp { app, _ in
            let reply = try await TestClient(app).json(.POST, "/api/v1/auth/invitations/accept", body: ["token": "no-such-token"])
            #expect(reply.status == .notFound)
            let document = try await TestClient(app).json(.GET, "/api/openapi.json").json
            let paths = try #require(document["paths"] as? [String: any Sendable])
            let accept = try #require((paths["/api/v1/auth/invitations/accept"] as? [String: any Sendable])?["post"] as? [String: any Sendable])
            #expect((accept["responses"] as? [String: any Sendable])?["404"] != nil)
        }
    }
}

/// A chart says what the page says: its words come from the catalogue.
@Suite struct ChartWordsTests {
    @Test func aChineseGanttCallsAnUnstartedItemWhatThePageCallsIt() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let session = try #require(try await world.session(.approverA))
            let svg = try await world.client.page(.GET, "/portal/projects/\(world.projectA)/gantt.svg", cookies: ["tandem_session": session.token])
            #expect(svg.status == .ok)
            #expect(svg.body.contains(app.tandem.catalogue.text("workStatus.todo", .zhHans, [])))
            #expect(!svg.body.contains("待办"))
        }
    }
}
