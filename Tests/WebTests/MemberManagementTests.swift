import Domain
import Fluent
import Foundation
import Persistence
import Testing
import TestSupport
import Vapor
@testable import Web

/// `PATCH /api/v1/members/{id}`: who may change what, deactivation ends access at once, one owner stays.
@Suite struct MemberManagementTests {
    func patch(_ world: World, _ who: World.Who, target: World.Who, _ body: [String: any Sendable]) async throws -> Reply {
        try await world.client.json(.PATCH, "/api/v1/members/\(world.ids[target]!)", token: try await world.token(who), body: body)
    }

    @Test func theOwnerChangesARoleAndTheAnswerCarriesActive() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            // when
            let reply = try await patch(world, .owner, target: .member, ["role": "manager", "name": "Mia Member"])
            // then
            #expect(reply.status == .ok)
            #expect(reply.string("role") == "manager")
            #expect(reply.string("name") == "Mia Member")
            #expect(reply.json["active"] as? Bool == true)
            let list = try await world.client.json(.GET, "/api/v1/members", token: world.ownerToken)
            #expect(list.items.allSatisfy { $0["active"] is Bool })
        }
    }

    @Test(arguments: [["role": "owner"], ["role": "manager"], ["active": false]] as [[String: any Sendable]])
    func aMemberCannotChangeRolesOrStateNotEvenTheirOwn(_ body: [String: any Sendable]) async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            #expect(try await patch(world, .member, target: .member, body).status == .forbidden)
            #expect(try await patch(world, .member, target: .manager, body).status == .forbidden)
            let me = try await world.client.json(.GET, "/api/v1/me", token: try await world.token(.member))
            #expect(me.string("role") == "member")
        }
    }

    @Test func aMemberChangesTheirOwnNameLanguageAndPasswordButNobodyElses() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let own = try await patch(world, .member, target: .member, ["name": "Max", "language": "zh-Hans", "password": "a brand new secret"])
            #expect(own.status == .ok)
            #expect(own.string("language") == "zh-Hans")
            #expect(try await patch(world, .member, target: .manager, ["name": "Hacked"]).status == .forbidden)
            let signIn = try await world.client.json(
                .POST, "/api/v1/auth/tokens", body: ["email": "member@studio.test", "password": "a brand new secret"])
            #expect(signIn.status == .created)
        }
    }

    @Test func aManagerCannotMakeAnOwnerNorChangeAnOwner() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            #expect(try await patch(world, .manager, target: .member, ["role": "owner"]).status == .forbidden)
            #expect(try await patch(world, .manager, target: .owner, ["name": "Not the owner"]).status == .forbidden)
            #expect(try await patch(world, .manager, target: .owner, ["active": false]).status == .forbidden)
            #expect(try await patch(world, .manager, target: .member, ["role": "manager"]).status == .ok)
        }
    }

    @Test func contactsAndStrangersCannotChangeMembers() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            #expect(try await patch(world, .approverA, target: .member, ["name": "x"]).status == .forbidden)
            #expect(try await patch(world, .anonymous, target: .member, ["name": "x"]).status == .unauthorized)
            let unknown = try await world.client.json(.PATCH, "/api/v1/members/\(UUID())", token: world.ownerToken, body: ["name": "x"])
            #expect(unknown.status == .notFound)
            // a contact's id is no member's id
            let contact = try await world.client.json(
                .PATCH, "/api/v1/members/\(world.ids[.approverA]!)", token: world.ownerToken, body: ["name": "x"])
            #expect(contact.status == .notFound)
        }
    }

    @Test func badInputNamesTheFieldAndWritesNothing() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            for (body, field) in [(["role": "boss"], "role"), (["password": "short"], "password"), (["name": "  "], "name")]
                as [([String: any Sendable], String)]
            {
                let reply = try await patch(world, .owner, target: .member, body)
                #expect(reply.status == .badRequest)
                #expect(reply.errorField == field)
            }
            let member = try #require(try await MemberRecord.find(world.ids[.member]!, on: app.db))
            #expect(member.name == "Member Person" && member.role == .member)
        }
    }

    @Test func deactivatingEndsTheMembersTokensAndSessionsAtOnce() async throws {
        try await withTestApp { app, _ in
            // given: the member holds an API token and a page session
            let world = try await World.make(app)
            let token = try #require(try await world.token(.member))
            let session = try #require(try await world.session(.member))
            #expect(try await world.client.json(.GET, "/api/v1/me", token: token).status == .ok)
            // when
            let reply = try await patch(world, .owner, target: .member, ["active": false])
            // then
            #expect(reply.status == .ok)
            #expect(reply.json["active"] as? Bool == false)
            #expect(try await world.client.json(.GET, "/api/v1/me", token: token).status == .unauthorized)
            let page = try await world.client.page(.GET, "/dashboard", cookies: ["tandem_session": session.token])
            #expect(page.location?.hasPrefix("/signin") == true)
            let left = try await CredentialRecord.query(on: app.db).filter(\.$memberID == world.ids[.member]!).count()
            #expect(left == 0)
        }
    }

    @Test func aDeactivatedMemberCannotSignInAndHearsTheSameAsAWrongPassword() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            _ = try await patch(world, .owner, target: .member, ["active": false])
            let deactivated = try await world.client.json(
                .POST, "/api/v1/auth/tokens", body: ["email": "member@studio.test", "password": World.password])
            let wrong = try await world.client.json(
                .POST, "/api/v1/auth/tokens", body: ["email": "manager@studio.test", "password": "not the password"])
            #expect(deactivated.status == .unauthorized)
            #expect(deactivated.body == wrong.body)
            // reactivated, they are back
            #expect(try await patch(world, .owner, target: .member, ["active": true]).status == .ok)
            let again = try await world.client.json(.POST, "/api/v1/auth/tokens", body: ["email": "member@studio.test", "password": World.password])
            #expect(again.status == .created)
        }
    }

    @Test func theLastActiveOwnerCannotBeDemotedNorDeactivated() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            for body in [["role": "manager"], ["active": false]] as [[String: any Sendable]] {
                let reply = try await patch(world, .owner, target: .owner, body)
                #expect(reply.status == .conflict)
                #expect(reply.body.contains("owner"))
            }
            // with a second owner, the first may step down
            #expect(try await patch(world, .owner, target: .manager, ["role": "owner"]).status == .ok)
            #expect(try await patch(world, .owner, target: .owner, ["role": "manager"]).status == .ok)
            // and now the remaining owner is the last one
            let manager = try #require(try await world.token(.manager))
            let last = try await world.client.json(.PATCH, "/api/v1/members/\(world.ids[.manager]!)", token: manager, body: ["active": false])
            #expect(last.status == .conflict)
        }
    }

    @Test func aNewPasswordEndsTheOtherSessionsButKeepsTheOneInUse() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let current = try #require(try await world.token(.member))
            let other = try #require(try await world.token(.member))
            let reply = try await world.client.json(
                .PATCH, "/api/v1/members/\(world.ids[.member]!)", token: current, body: ["password": "another good secret"])
            #expect(reply.status == .ok)
            #expect(try await world.client.json(.GET, "/api/v1/me", token: current).status == .ok)
            #expect(try await world.client.json(.GET, "/api/v1/me", token: other).status == .unauthorized)
        }
    }

    @Test func aColleagueJoinsByASingleUseLink() async throws {
        try await withTestApp { app, clock in
            let world = try await World.make(app)
            // when
            let invitation = try await world.client.json(
                .POST, "/api/v1/members/invitations", token: world.ownerToken,
                body: ["email": "New@Studio.test", "role": "manager", "language": "zh-Hans"])
            // then
            #expect(invitation.status == .created)
            let token = try #require(invitation.string("token"))
            #expect(invitation.string("url") == "http://tandem.test/join/\(token)")
            #expect(invitation.string("message")?.contains("Studio") == true)
            #expect(invitation.string("message")?.contains("您好") == true)
            let expires = try #require(invitation.string("expiresAt").flatMap { try? Date($0, strategy: .iso8601) })
            #expect(abs(expires.timeIntervalSince(clock.now) - 7 * 86_400) < 2)
            let joined = try await world.client.json(
                .POST, "/api/v1/auth/member-invitations/accept", body: ["token": token, "name": "Nora New", "password": "a fine password"])
            #expect(joined.status == .created)
            let member = joined.json["member"] as? [String: any Sendable]
            #expect(member?["email"] as? String == "new@studio.test")
            #expect(member?["role"] as? String == "manager")
            let again = try await world.client.json(
                .POST, "/api/v1/auth/member-invitations/accept", body: ["token": token, "name": "Nora New", "password": "a fine password"])
            #expect(again.status == .gone)
        }
    }

    @Test func onlyAnOwnerInvitesAnOwnerAndAMemberInvitesNobody() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let manager = try #require(try await world.token(.manager))
            let member = try #require(try await world.token(.member))
            #expect(
                try await world.client.json(.POST, "/api/v1/members/invitations", token: manager, body: ["email": "a@studio.test", "role": "owner"])
                    .status
                    == .forbidden)
            #expect(
                try await world.client.json(.POST, "/api/v1/members/invitations", token: member, body: ["email": "a@studio.test", "role": "member"])
                    .status
                    == .forbidden)
            let taken = try await world.client.json(
                .POST, "/api/v1/members/invitations", token: manager, body: ["email": "member@studio.test", "role": "member"])
            #expect(taken.status == .badRequest && taken.errorField == "email")
        }
    }
}
