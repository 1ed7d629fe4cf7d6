import Domain
import Fluent
import Foundation
import Persistence
import Testing
import TestSupport
import Vapor
@testable import Web

/// Sending a scope proposal back, and what a version changes against the signed one.
@Suite struct ScopeDecisionTests {
    @Test func anApprovingContactSendsAProposalBackAndTheTeamProposesAgain() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            let approver = try #require(try await world.token(.approverA))
            // when
            let sent = try await world.client.json(
                .POST, "/api/v1/projects/\(world.projectA)/scope-versions/1/request-changes", token: approver,
                body: ["comment": "请加上会员积分"])
            // then
            #expect(sent.status == .ok)
            #expect(sent.string("status") == "changes_requested")
            #expect(sent.string("changesRequestedComment") == "请加上会员积分")
            #expect((sent.json["changesRequestedBy"] as? [String: any Sendable])?["name"] as? String == "王芳")
            #expect(sent.string("changesRequestedAt") != nil)
            let entries = try await AuditEntryRecord.query(on: app.db).all()
            #expect(entries.map(\.action) == ["scope.request_changes"])
            let verification = try await app.verifyAuditLog()
            #expect(verification.ok)
            #expect(verification.entries == 1)
            // and the team follows with a new version
            let next = try await world.client.json(
                .POST, "/api/v1/projects/\(world.projectA)/scope-versions", token: world.ownerToken,
                body: ["goals": ["Launch"], "inScope": ["Shop", "Points"], "outOfScope": ["POS"]])
            #expect(next.status == .created)
            #expect(next.json["number"] as? Int == 2)
            let list = try await world.client.json(.GET, "/api/v1/projects/\(world.projectA)/scope-versions", token: approver)
            #expect(list.items.map { $0["status"] as? String } == ["proposed", "changes_requested"])
            // a version sent back can no longer be signed
            let late = try await world.client.json(.POST, "/api/v1/projects/\(world.projectA)/scope-versions/1/sign-off", token: approver)
            #expect(late.status == .conflict)
        }
    }

    @Test(arguments: [World.Who.viewerA, .member, .owner])
    func onlyAnApprovingContactMayRequestChanges(_ who: World.Who) async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let token = try #require(try await world.token(who))
            let reply = try await world.client.json(
                .POST, "/api/v1/projects/\(world.projectA)/scope-versions/1/request-changes", token: token, body: ["comment": "no"])
            #expect(reply.status == .forbidden)
            #expect(try await ScopeStore.version(projectID: world.projectA, number: 1, on: app.db)?.status == .proposed)
            #expect(try await AuditEntryRecord.query(on: app.db).count() == 0)
        }
    }

    @Test func aContactOfAnotherProjectGets404AndNothingChanges() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let other = try #require(try await world.token(.contactB))
            let reply = try await world.client.json(
                .POST, "/api/v1/projects/\(world.projectA)/scope-versions/1/request-changes", token: other, body: ["comment": "no"])
            #expect(reply.status == .notFound)
            let diff = try await world.client.json(.GET, "/api/v1/projects/\(world.projectA)/scope-versions/1/diff", token: other)
            #expect(diff.status == .notFound)
            #expect(try await ScopeStore.version(projectID: world.projectA, number: 1, on: app.db)?.status == .proposed)
        }
    }

    @Test(arguments: [[String: any Sendable](), ["comment": ""], ["comment": "   "]])
    func aRequestWithoutACommentIs400NamingCommentAndWritesNothing(_ body: [String: any Sendable]) async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let approver = try #require(try await world.token(.approverA))
            let reply = try await world.client.json(
                .POST, "/api/v1/projects/\(world.projectA)/scope-versions/1/request-changes", token: approver, body: body)
            #expect(reply.status == .badRequest)
            #expect(reply.errorField == "comment")
            let version = try #require(try await ScopeStore.version(projectID: world.projectA, number: 1, on: app.db))
            #expect(version.status == .proposed)
            #expect(version.changesRequestedAt == nil)
            #expect(try await AuditEntryRecord.query(on: app.db).count() == 0)
        }
    }

    @Test func aNewVersionIsComparedWithTheSignedOneForTheTeamAndTheContact() async throws {
        try await withTestApp { app, _ in
            // given version 1 signed, version 2 proposed
            let world = try await World.make(app)
            let approver = try #require(try await world.token(.approverA))
            let viewer = try #require(try await world.token(.viewerA))
            _ = try await world.client.json(.POST, "/api/v1/projects/\(world.projectA)/scope-versions/1/sign-off", token: approver)
            _ = try await world.client.json(
                .POST, "/api/v1/projects/\(world.projectA)/scope-versions", token: world.ownerToken,
                body: ["goals": ["Launch"], "inScope": ["Shop", "Points"], "outOfScope": [String]()])
            // when
            for token in [world.ownerToken, viewer] {
                let diff = try await world.client.json(.GET, "/api/v1/projects/\(world.projectA)/scope-versions/2/diff", token: token)
                // then
                #expect(diff.status == .ok)
                #expect(diff.json["against"] as? Int == 1)
                #expect((diff.json["inScope"] as? [String: any Sendable])?["added"] as? [String] == ["Points"])
                #expect((diff.json["inScope"] as? [String: any Sendable])?["removed"] as? [String] == [])
                #expect((diff.json["outOfScope"] as? [String: any Sendable])?["removed"] as? [String] == ["POS"])
                #expect((diff.json["goals"] as? [String: any Sendable])?["added"] as? [String] == [])
            }
            let first = try await world.client.json(.GET, "/api/v1/projects/\(world.projectA)/scope-versions/1/diff", token: viewer)
            #expect(first.json.keys.contains("against"))
            #expect(first.json["against"] as? Int == nil)
            #expect((first.json["inScope"] as? [String: any Sendable])?["added"] as? [String] == ["Shop"])
            let missing = try await world.client.json(.GET, "/api/v1/projects/\(world.projectA)/scope-versions/9/diff", token: viewer)
            #expect(missing.status == .notFound)
        }
    }
}
