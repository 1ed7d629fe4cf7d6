import Domain
import Foundation
import Testing
import TestSupport
import Vapor
@testable import Web

/// A contact sees only their projects and only customer-visible things; hidden things are 404 and in no list.
@Suite struct VisibilityTests {
    @Test func aContactsWorkItemListLeavesOutInternalItems() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let viewer = try #require(try await world.token(.viewerA))
            let list = try await world.client.json(.GET, "/api/v1/projects/\(world.projectA)/work-items", token: viewer)
            #expect(list.items.compactMap { $0["title"] as? String } == ["Design"])
            #expect(!list.body.contains(world.hiddenItem.uuidString))
            let team = try await world.client.json(.GET, "/api/v1/projects/\(world.projectA)/work-items", token: world.ownerToken)
            #expect(team.items.count == 2)
        }
    }

    @Test func aVisibleItemNeverRevealsAnInternalPredecessor() async throws {
        try await withTestApp { app, _ in
            // given a visible item that depends on the internal one
            let world = try await World.make(app)
            let id = try #require(
                try await world.client.json(
                    .POST, "/api/v1/projects/\(world.projectA)/work-items", token: world.ownerToken,
                    body: [
                        "title": "Launch", "startDate": "2026-12-06", "dueDate": "2026-12-08",
                        "dependsOn": [world.hiddenItem.uuidString, world.visibleItem.uuidString], "visibleToCustomer": true,
                    ]
                ).string("id"))
            let viewer = try #require(try await world.token(.viewerA))
            // when
            let one = try await world.client.json(.GET, "/api/v1/work-items/\(id)", token: viewer)
            let list = try await world.client.json(.GET, "/api/v1/projects/\(world.projectA)/work-items", token: viewer)
            // then
            #expect((one.json["dependsOn"] as? [String]) == [world.visibleItem.uuidString])
            #expect(!one.body.contains(world.hiddenItem.uuidString))
            #expect(!list.body.contains(world.hiddenItem.uuidString))
        }
    }

    @Test func aContactsMilestoneListLeavesOutInternalMilestonesAndTheirDeliverables() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let viewer = try #require(try await world.token(.viewerA))
            let list = try await world.client.json(.GET, "/api/v1/projects/\(world.projectA)/milestones", token: viewer)
            #expect(list.items.compactMap { $0["name"] as? String } == ["Design sign-off"])
            #expect(!list.body.contains("Code review notes"))
        }
    }

    @Test func aContactListsOnlyTheProjectsTheyWereInvitedTo() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let contactB = try #require(try await world.token(.contactB))
            let list = try await world.client.json(.GET, "/api/v1/projects", token: contactB)
            #expect(list.items.compactMap { $0["id"] as? String } == [world.projectB.uuidString])
            #expect(try await world.client.json(.GET, "/api/v1/projects/\(world.projectA)", token: contactB).status == .notFound)
        }
    }

    @Test func hiddenAndMissingObjectsAnswerTheSame404() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let viewer = try #require(try await world.token(.viewerA))
            let hidden = try await world.client.json(.GET, "/api/v1/work-items/\(world.hiddenItem)", token: viewer)
            let missing = try await world.client.json(.GET, "/api/v1/work-items/\(UUID())", token: viewer)
            #expect(hidden.status == .notFound && missing.status == .notFound)
            #expect(hidden.body == missing.body)
        }
    }

    @Test func thePortalShowsOnlyCustomerVisibleThings() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let session = try #require(try await world.session(.viewerA))
            let page = try await world.client.page(.GET, "/portal/projects/\(world.projectA)", cookies: ["tandem_session": session.token])
            #expect(page.status == .ok)
            #expect(page.body.contains("Design sign-off") && page.body.contains("Mock-ups") && page.body.contains("Design"))
            for secret in ["Secret refactor", "Internal review", "Code review notes"] {
                #expect(!page.body.contains(secret), "portal leaked \(secret)")
            }
        }
    }

    @Test func aNonApprovingContactSeesNoSignOffButton() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let viewer = try #require(try await world.session(.viewerA))
            let approver = try #require(try await world.session(.approverA))
            let viewerPage = try await world.client.page(.GET, "/portal/projects/\(world.projectA)", cookies: ["tandem_session": viewer.token])
            let approverPage = try await world.client.page(.GET, "/portal/projects/\(world.projectA)", cookies: ["tandem_session": approver.token])
            #expect(!viewerPage.body.contains("sign-off-scope"))
            #expect(approverPage.body.contains("sign-off-scope"))
            #expect(approverPage.body.contains("accept-deliverable"))
        }
    }
}
