import Domain
import Fluent
import Foundation
import Persistence
import Testing
import TestSupport
import Vapor
@testable import Web

/// The sign-in form, the team page, "my profile" and a colleague's invitation landing.
@Suite struct MemberPagesTests {
    /// Posts the sign-in form as a fresh browser would (CSRF cookie and token from the form).
    func signIn(_ world: World, email: String, password: String, next: String? = nil) async throws -> Reply {
        let form = try await world.client.page(.GET, "/signin")
        let csrf = try #require(form.cookie("tandem_csrf"))
        var fields = ["email": email, "password": password, "_csrf": csrf]
        if let next { fields["next"] = next }
        return try await world.client.page(.POST, "/signin", cookies: ["tandem_csrf": csrf], form: fields)
    }

    func form(_ world: World, _ who: World.Who, _ path: String, _ fields: [String: String]) async throws -> Reply {
        let session = try #require(try await world.session(who))
        return try await world.client.page(
            .POST, path, cookies: ["tandem_session": session.token], form: fields.merging(["_csrf": session.csrf]) { $1 })
    }

    func get(_ world: World, _ who: World.Who, _ path: String) async throws -> Reply {
        let session = try #require(try await world.session(who))
        return try await world.client.page(.GET, path, cookies: ["tandem_session": session.token])
    }

    @Test(arguments: ["owner@studio.test", "nobody@studio.test"])
    func aWrongPasswordSaysSoOnTheFormAndKeepsTheAddress(_ email: String) async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            // when
            let reply = try await signIn(world, email: email, password: "not the password", next: "/customers")
            // then: the same form, the address kept, the message next to the password, the return path kept
            #expect(reply.status == .unauthorized)
            #expect(reply.body.contains("id=\"signin-form\""))
            #expect(reply.body.contains("value=\"\(email)\""))
            #expect(reply.body.contains("The e-mail address or the password is not right."))
            #expect(reply.body.contains("name=\"next\" value=\"/customers\""))
        }
    }

    @Test func theRefusalReadsTheSameForAKnownAndAnUnknownAddress() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let known = try await signIn(world, email: "owner@studio.test", password: "wrong wrong")
            let unknown = try await signIn(world, email: "owner2@studio.test", password: "wrong wrong")
            func message(_ reply: Reply) -> String? {
                reply.body.range(of: "id=\"signin-error\"").map { String(reply.body[$0.upperBound...].prefix(120)) }
            }
            #expect(message(known) != nil)
            #expect(message(known) == message(unknown))
        }
    }

    @Test func signingInGoesWhereThePersonWasHeaded() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let target = "/projects/\(world.projectA)?tab=plan"
            #expect(try await signIn(world, email: "owner@studio.test", password: World.password, next: target).location == target)
        }
    }

    @Test(arguments: ["/signin", "/signin?next=/customers", "/setup", "/portal/sign-in", "//evil.example"])
    func signingInNeverLandsOnASignInPageAgain(_ next: String) async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            #expect(try await signIn(world, email: "owner@studio.test", password: World.password, next: next).location == "/dashboard")
        }
    }

    @Test func theTeamPageListsRoleAndStateAndIsForOwnersAndManagers() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let page = try await get(world, .manager, "/members")
            #expect(page.status == .ok)
            #expect(page.body.contains("data-member=\"\(world.ids[.member]!.uuidString)\" data-active=\"true\""))
            #expect(page.body.contains("id=\"invite-member\""))
            // a manager is offered no change of the owner, and no owner role
            #expect(!page.body.contains("action=\"/members/\(world.ids[.owner]!.uuidString)\""))
            #expect(!page.body.contains("<option value=\"owner\""))
            #expect(try await get(world, .member, "/members").status == .forbidden)
            #expect(try await get(world, .approverA, "/members").status == .forbidden)
        }
    }

    @Test func deactivatingFromTheTeamPageSignsTheMemberOutAtOnce() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let victim = try #require(try await world.session(.member))
            let reply = try await form(world, .owner, "/members/\(world.ids[.member]!)", ["active": "false"])
            #expect(reply.location == "/members")
            #expect(try await world.client.page(.GET, "/dashboard", cookies: ["tandem_session": victim.token]).location?.hasPrefix("/signin") == true)
            let page = try await get(world, .owner, "/members")
            #expect(page.body.contains("data-member=\"\(world.ids[.member]!.uuidString)\" data-active=\"false\""))
        }
    }

    @Test func theLastOwnerIsRefusedOnTheTeamPageInTheViewersLanguage() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            _ = try await world.client.json(.PATCH, "/api/v1/members/\(world.ids[.owner]!)", token: world.ownerToken, body: ["language": "zh-Hans"])
            let reply = try await form(world, .owner, "/members/\(world.ids[.owner]!)", ["role": "member"])
            #expect(reply.status == .conflict)
            #expect(reply.body.contains("id=\"members-error\""))
            #expect(reply.body.contains("工作区至少需要一位已启用的所有者"))
            #expect(try await MemberRecord.find(world.ids[.owner]!, on: app.db)?.role == .owner)
        }
    }

    @Test func aColleagueInvitedFromTheTeamPageJoinsAndIsSignedIn() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            // when the owner invites from the page
            let issued = try await form(world, .owner, "/members/invitations", ["email": "nina@studio.test", "role": "member", "language": "en"])
            #expect(issued.status == .ok)
            #expect(issued.body.contains("id=\"ready-message\""))
            let token = try #require(
                issued.body.range(of: "/join/").map { String(issued.body[$0.upperBound...].prefix { $0 != "\"" && $0 != "<" && $0 != " " }) })
            // then the landing names the workspace and the address
            let landing = try await world.client.page(.GET, "/join/\(token)")
            #expect(landing.status == .ok)
            #expect(landing.body.contains("Join Studio"))
            #expect(landing.body.contains("nina@studio.test"))
            let csrf = try #require(landing.cookie("tandem_csrf"))
            // a refused form keeps the name
            let short = try await world.client.page(
                .POST, "/join/\(token)", cookies: ["tandem_csrf": csrf], form: ["_csrf": csrf, "name": "Nina", "password": "short"])
            #expect(short.status == .badRequest)
            #expect(short.body.contains("value=\"Nina\""))
            let joined = try await world.client.page(
                .POST, "/join/\(token)", cookies: ["tandem_csrf": csrf], form: ["_csrf": csrf, "name": "Nina", "password": "a long enough one"])
            #expect(joined.location == "/dashboard")
            let session = try #require(joined.cookie("tandem_session"))
            #expect(try await world.client.page(.GET, "/dashboard", cookies: ["tandem_session": session]).status == .ok)
            #expect(try await world.client.page(.GET, "/join/\(token)").status == .gone)
        }
    }

    @Test func aRefusedColleagueInvitationKeepsWhatWasTyped() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let reply = try await form(
                world, .owner, "/members/invitations", ["email": "member@studio.test", "role": "manager", "language": "zh-Hans"])
            #expect(reply.status == .badRequest)
            #expect(reply.body.contains("id=\"members-error\""))
            #expect(reply.body.contains("value=\"member@studio.test\""))
            #expect(reply.body.contains("<option value=\"manager\" selected>"))
            #expect(try await MemberInvitationRecord.query(on: app.db).count() == 0)
        }
    }

    @Test func myProfileChangesNameAndLanguage() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            #expect(try await get(world, .member, "/profile").body.contains("id=\"profile-form\""))
            let saved = try await form(world, .member, "/profile", ["name": "Max Mustermann", "language": "zh-Hans"])
            #expect(saved.location == "/profile?done=saved")
            let member = try #require(try await MemberRecord.find(world.ids[.member]!, on: app.db))
            #expect(member.name == "Max Mustermann" && member.language == .zhHans)
            let empty = try await form(world, .member, "/profile", ["name": " ", "language": "en"])
            #expect(empty.status == .badRequest)
            #expect(empty.body.contains("id=\"name-error\""))
        }
    }

    @Test func aNewPasswordNeedsTheCurrentOne() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let wrong = try await form(world, .member, "/profile/password", ["currentPassword": "not it at all", "password": "brand new secret"])
            #expect(wrong.status == .badRequest)
            #expect(wrong.body.contains("id=\"current-password-error\""))
            #expect(try await signIn(world, email: "member@studio.test", password: "brand new secret").status == .unauthorized)
            let right = try await form(world, .member, "/profile/password", ["currentPassword": World.password, "password": "brand new secret"])
            #expect(right.location == "/profile?done=password")
            #expect(try await signIn(world, email: "member@studio.test", password: "brand new secret").location == "/dashboard")
        }
    }
}
