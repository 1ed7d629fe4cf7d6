import Domain
import Fluent
import Foundation
import Persistence
import Testing
import TestSupport
import Vapor
@testable import Web

/// The project's thread over the API: who posts what, who reads what, and what is refused.
@Suite struct MessageAPITests {
    func post(_ world: World, as who: World.Who, project: UUID? = nil, body: String, visibility: String?) async throws -> Reply {
        var fields: [String: any Sendable] = ["body": body]
        if let visibility { fields["visibility"] = visibility }
        return try await world.client.json(
            .POST, "/api/v1/projects/\(project ?? world.projectA)/messages", token: try await world.token(who), body: fields)
    }

    func list(_ world: World, as who: World.Who, query: String = "") async throws -> Reply {
        try await world.client.json(.GET, "/api/v1/projects/\(world.projectA)/messages\(query)", token: try await world.token(who))
    }

    @Test func aMemberPostsAnInternalMessageAndGetsItBackWithItsAuthor() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            // when
            let reply = try await post(world, as: .member, body: "Deploy **Friday**", visibility: "internal")
            // then
            #expect(reply.status == .created)
            #expect(reply.string("body") == "Deploy **Friday**")
            #expect(reply.string("bodyHtml") == "<p>Deploy <strong>Friday</strong></p>")
            #expect(reply.string("visibility") == "internal")
            #expect(reply.string("projectId") == world.projectA.uuidString)
            let author = try #require(reply.json["author"] as? [String: any Sendable])
            #expect(author["kind"] as? String == "member")
            #expect(author["name"] as? String == "Member Person")
            #expect(author["id"] as? String == world.ids[.member]!.uuidString)
        }
    }

    @Test func aContactPostsACustomerMessageAndSeesOnlyCustomerVisibleOnes() async throws {
        try await withTestApp { app, clock in
            // given
            let world = try await World.make(app)
            _ = try await post(world, as: .owner, body: "internal canary-7731", visibility: "internal")
            clock.advance(by: 60)
            _ = try await post(world, as: .owner, body: "Hello from the team", visibility: "customer")
            clock.advance(by: 60)
            // when
            let posted = try await post(world, as: .viewerA, body: "When is the launch?", visibility: "customer")
            let theirs = try await list(world, as: .viewerA)
            let team = try await list(world, as: .member)
            // then
            #expect(posted.status == .created)
            #expect((posted.json["author"] as? [String: any Sendable])?["kind"] as? String == "contact")
            #expect(theirs.items.map { $0["body"] as? String } == ["When is the launch?", "Hello from the team"])
            #expect(!theirs.body.contains("canary-7731"))
            #expect(team.items.map { $0["body"] as? String } == ["When is the launch?", "Hello from the team", "internal canary-7731"])
        }
    }

    @Test func aContactLeavingOutTheVisibilityPostsACustomerVisibleMessage() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let reply = try await post(world, as: .approverA, body: "ok", visibility: nil)
            #expect(reply.status == .created)
            #expect(reply.string("visibility") == "customer")
            // and a member's message without one stays internal
            #expect(try await post(world, as: .member, body: "ok", visibility: nil).string("visibility") == "internal")
        }
    }

    @Test func anInternalMessageFromAContactIsRefusedNamingTheVisibility() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            // when
            let reply = try await post(world, as: .viewerA, body: "psst", visibility: "internal")
            // then
            #expect(reply.status == .badRequest)
            #expect(reply.errorField == "visibility")
            #expect(try await MessageRecord.query(on: app.db).count() == 0)
        }
    }

    @Test func anotherCustomersContactFindsNoThread() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            _ = try await post(world, as: .owner, body: "Hello", visibility: "customer")
            #expect(try await list(world, as: .contactB).status == .notFound)
            #expect(try await post(world, as: .contactB, body: "hi", visibility: "customer").status == .notFound)
            #expect(try await MessageRecord.query(on: app.db).count() == 1)
        }
    }

    @Test(
        "refused input is a 400 naming the field, and nothing is written",
        arguments: [
            ("", "customer", "body"), ("   \n ", "customer", "body"), (String(repeating: "a", count: 10_001), "customer", "body"),
            ("hi", "public", "visibility"), ("bad\u{0}byte", "internal", "body"),
        ])
    func refusedInput(_ body: String, _ visibility: String, _ field: String) async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let reply = try await post(world, as: .member, body: body, visibility: visibility)
            #expect(reply.status == .badRequest)
            #expect(reply.errorField == field)
            #expect(try await MessageRecord.query(on: app.db).count() == 0)
            #expect(try await OutboxRecord.query(on: app.db).filter(\.$idempotencyKey =~ "message-").count() == 0)
        }
    }

    @Test func aBodyOfExactlyTenThousandCharactersIsAccepted() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            #expect(try await post(world, as: .member, body: String(repeating: "字", count: 10_000), visibility: "internal").status == .created)
        }
    }

    @Test func theListIsPagedNewestFirst() async throws {
        try await withTestApp { app, clock in
            // given
            let world = try await World.make(app)
            for index in 1...3 {
                _ = try await post(world, as: .member, body: "m\(index)", visibility: "internal")
                clock.advance(by: 60)
            }
            // when
            let first = try await list(world, as: .member, query: "?limit=2")
            let cursor = try #require(first.string("nextCursor"))
            let second = try await list(world, as: .member, query: "?limit=2&cursor=\(cursor)")
            // then
            #expect(first.items.map { $0["body"] as? String } == ["m3", "m2"])
            #expect(second.items.map { $0["body"] as? String } == ["m1"])
            #expect(second.json["nextCursor"] is NSNull)
        }
    }

    @Test func bodyHtmlNeverCarriesAScriptOrAJavascriptLink() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            let body = "<script>alert(1)</script> [x](JaVaScRiPt:alert(1)) [y](data:text/html,<b>) <img src=x onerror=alert(1)>"
            // when
            let reply = try await post(world, as: .viewerA, body: body, visibility: "customer")
            let listed = try await list(world, as: .viewerA)
            // then
            for html in [reply.string("bodyHtml"), listed.items.first?["bodyHtml"] as? String] {
                let text = try #require(html)
                #expect(!text.contains("<script"))
                #expect(!text.contains("<img"))
                #expect(!text.lowercased().contains("href=\"javascript"))
                #expect(!text.lowercased().contains("href=\"data"))
                #expect(text.contains("&lt;script&gt;"))
            }
        }
    }
}
