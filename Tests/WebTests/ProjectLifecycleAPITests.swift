import Domain
import Foundation
import Persistence
import Testing
import TestSupport
@testable import Web

/// Project status moves and the archive through `PATCH /api/v1/projects/{id}`.
@Suite struct ProjectLifecycleAPITests {
    @Test func aProjectGoesActiveOnHoldAndClosedAndEachMoveIsInItsHistory() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let path = "/api/v1/projects/\(world.projectA)"
            for status in ["active", "on_hold", "active", "closed"] {
                let reply = try await world.client.json(.PATCH, path, token: world.ownerToken, body: ["status": status])
                #expect(reply.status == .ok)
                #expect(reply.string("status") == status)
            }
            let entries = try await AuditLog.projectEntries(world.projectA, offset: 0, limit: 50, on: app.db)
                .filter { $0.action == HistoryAction.projectStatusChanged }
            #expect(entries.count == 4)
            #expect(entries.allSatisfy { $0.objectType == "project" && $0.objectID == world.projectA })
        }
    }

    @Test func aForbiddenMoveIsAConflictAndChangesNothing() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let path = "/api/v1/projects/\(world.projectA)"
            _ = try await world.client.json(.PATCH, path, token: world.ownerToken, body: ["status": "active"])
            let back = try await world.client.json(.PATCH, path, token: world.ownerToken, body: ["status": "planning", "name": "Renamed"])
            #expect(back.status == .conflict)
            let archiveOpen = try await world.client.json(.PATCH, path, token: world.ownerToken, body: ["archived": true])
            #expect(archiveOpen.status == .conflict)
            let project = try #require(try await ProjectRecord.find(world.projectA, on: app.db))
            #expect(project.status == .active)
            #expect(project.name == "小程序商城")
            #expect(!project.archived)
            let unknown = try await world.client.json(.PATCH, path, token: world.ownerToken, body: ["status": "paused"])
            #expect(unknown.status == .badRequest)
            #expect(unknown.errorField == "status")
        }
    }

    @Test func anArchivedProjectLeavesTheListsButStaysReadable() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            let path = "/api/v1/projects/\(world.projectA)"
            let archived = try await world.client.json(.PATCH, path, token: world.ownerToken, body: ["status": "closed", "archived": true])
            #expect(archived.status == .ok)
            #expect(archived.json["archived"] as? Bool == true)
            let approver = try #require(await world.token(.approverA))
            // when
            let list = try await world.client.json(.GET, "/api/v1/projects", token: world.ownerToken)
            let all = try await world.client.json(.GET, "/api/v1/projects?archived=true", token: world.ownerToken)
            let portal = try await world.client.json(.GET, "/api/v1/projects", token: approver)
            // then
            #expect(!list.items.contains { $0["id"] as? String == world.projectA.uuidString })
            #expect(all.items.contains { $0["id"] as? String == world.projectA.uuidString })
            #expect(portal.items.isEmpty)
            #expect(try await world.client.json(.GET, path, token: world.ownerToken).status == .ok)
            #expect(try await world.client.json(.GET, path, token: approver).status == .ok)
            let session = try #require(await world.session(.owner))
            let dashboard = try await world.client.page(.GET, "/dashboard", cookies: ["tandem_session": session.token])
            #expect(!dashboard.body.contains("小程序商城"))
            let withArchived = try await world.client.page(.GET, "/dashboard?archived=true", cookies: ["tandem_session": session.token])
            #expect(withArchived.body.contains("小程序商城"))
            let actions = try await AuditLog.projectEntries(world.projectA, offset: 0, limit: 50, on: app.db).map(\.action)
            #expect(actions.suffix(2) == [HistoryAction.projectStatusChanged, HistoryAction.projectArchived])
        }
    }
}
