import Domain
import Fluent
import Foundation
import Persistence
import Testing
import TestSupport
import Vapor
@testable import Web

@Suite struct AccountAPITests {
    @Test func setupRunsOnceAndThenAnswersConflict() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            // when
            let again = try await world.client.json(
                .POST, "/api/v1/setup",
                body: [
                    "workspaceName": "Other", "name": "Eve", "email": "eve@x.test", "password": World.password, "language": "en",
                ])
            // then
            #expect(again.status == .conflict)
            #expect(try await MemberRecord.query(on: app.db).filter(\.$email == "eve@x.test").count() == 0)
        }
    }

    @Test func aWrongPasswordIsUnauthorized() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let reply = try await world.client.json(.POST, "/api/v1/auth/tokens", body: ["email": "owner@studio.test", "password": "wrong password"])
            #expect(reply.status == .unauthorized)
            #expect(reply.errorCode == "unauthenticated")
        }
    }

    @Test func twoPasswordsThatDifferAfterByte72DoNotBothWork() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            let prefix = String(repeating: "a", count: 72)
            _ = try await world.client.json(
                .POST, "/api/v1/members", token: world.ownerToken,
                body: [
                    "name": "Long", "email": "long@studio.test", "role": "member", "password": prefix + "first",
                ])
            // when
            let right = try await world.client.json(.POST, "/api/v1/auth/tokens", body: ["email": "long@studio.test", "password": prefix + "first"])
            let wrong = try await world.client.json(.POST, "/api/v1/auth/tokens", body: ["email": "long@studio.test", "password": prefix + "other"])
            // then
            #expect(right.status == .created)
            #expect(wrong.status == .unauthorized)
        }
    }

    @Test func signingOutKillsTheTokenAtOnce() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let signIn = try await world.client.json(.POST, "/api/v1/auth/tokens", body: ["email": "owner@studio.test", "password": World.password])
            let token = try #require(signIn.string("token"))
            #expect(try await world.client.json(.GET, "/api/v1/me", token: token).status == .ok)
            // when
            let out = try await world.client.json(.DELETE, "/api/v1/auth/tokens/current", token: token)
            // then
            #expect(out.status == .noContent)
            #expect(try await world.client.json(.GET, "/api/v1/me", token: token).status == .unauthorized)
        }
    }

    @Test func tokensAreStoredOnlyAsHashes() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let stored = try await CredentialRecord.query(on: app.db).all().map(\.tokenHash)
            #expect(!stored.contains(world.ownerToken))
            #expect(stored.contains(SecretToken.hash(world.ownerToken)))
        }
    }

    @Test func repeatedWrongPasswordsAreThrottledWithRetryAfter() async throws {
        try await withTestApp { app, clock in
            // given
            let world = try await World.make(app)
            for _ in 0..<5 {
                _ = try await world.client.json(.POST, "/api/v1/auth/tokens", body: ["email": "member@studio.test", "password": "guess guess"])
            }
            // when: even the right password is refused while throttled
            let throttled = try await world.client.json(
                .POST, "/api/v1/auth/tokens", body: ["email": "member@studio.test", "password": World.password])
            // then
            #expect(throttled.status == .tooManyRequests)
            let retry = Int(throttled.headers.first(name: "Retry-After") ?? "") ?? 0
            #expect(retry > 0 && retry <= 15 * 60)
            // and another account is not affected
            #expect(
                try await world.client.json(.POST, "/api/v1/auth/tokens", body: ["email": "manager@studio.test", "password": World.password]).status
                    == .created)
            // and the window passes
            clock.advance(by: 16 * 60)
            #expect(
                try await world.client.json(.POST, "/api/v1/auth/tokens", body: ["email": "member@studio.test", "password": World.password]).status
                    == .created)
        }
    }

    @Test func onlyTheOwnerMayCreateAnotherOwner() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let manager = try #require(try await world.token(.manager))
            let reply = try await world.client.json(
                .POST, "/api/v1/members", token: manager,
                body: [
                    "name": "Boss", "email": "boss@studio.test", "role": "owner", "password": World.password,
                ])
            #expect(reply.status == .forbidden)
        }
    }

    @Test func meDescribesAContactInTheirLanguage() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let token = try #require(try await world.token(.approverA))
            let me = try await world.client.json(.GET, "/api/v1/me", token: token)
            #expect(me.string("kind") == "contact")
            #expect(me.string("language") == "zh-Hans")
            #expect(me.json["role"] == nil)
        }
    }
}
