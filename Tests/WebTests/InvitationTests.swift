import Domain
import Fluent
import Foundation
import Persistence
import Testing
import TestSupport
import Vapor
@testable import Web

@Suite struct InvitationTests {
    static func invite(_ world: World, canApprove: Bool = true) async throws -> Reply {
        try await world.client.json(
            .POST, "/api/v1/projects/\(world.projectB)/invitations", token: world.ownerToken,
            body: ["contactId": world.ids[.contactB]!.uuidString, "canApprove": canApprove])
    }

    @Test func anInvitationIsASingleUseLinkValidForSevenDays() async throws {
        try await withTestApp { app, clock in
            let world = try await World.make(app)
            let invitation = try await Self.invite(world)
            #expect(invitation.status == .created)
            let token = try #require(invitation.string("token"))
            #expect(invitation.string("url") == "http://tandem.test/invitations/\(token)")
            let expires = try #require(invitation.string("expiresAt").flatMap { try? Date($0, strategy: .iso8601) })
            #expect(abs(expires.timeIntervalSince(clock.now) - 7 * 86_400) < 2)
            #expect(try await world.client.json(.POST, "/api/v1/auth/invitations/accept", body: ["token": token]).status == .ok)
            #expect(try await world.client.json(.POST, "/api/v1/auth/invitations/accept", body: ["token": token]).status == .gone)
        }
    }

    @Test func anExpiredInvitationIsGone() async throws {
        try await withTestApp { app, clock in
            let world = try await World.make(app)
            let token = try #require(try await Self.invite(world).string("token"))
            clock.advance(by: 7 * 86_400 + 60)
            #expect(try await world.client.json(.POST, "/api/v1/auth/invitations/accept", body: ["token": token]).status == .gone)
        }
    }

    @Test func openingTheLinkDoesNotUseItOnlyContinuingDoes() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            let token = try #require(try await Self.invite(world).string("token"))
            // when a mail scanner fetches the link twice
            let first = try await world.client.page(.GET, "/invitations/\(token)")
            let second = try await world.client.page(.GET, "/invitations/\(token)")
            // then both see the question and the link still works
            #expect(first.status == .ok && second.status == .ok)
            #expect(first.body.contains("accept-invitation"))
            let csrf = try #require(first.cookie("tandem_csrf"))
            let accepted = try await world.client.page(.POST, "/invitations/\(token)", cookies: ["tandem_csrf": csrf], form: ["_csrf": csrf])
            #expect(accepted.status == .seeOther)
            #expect(accepted.location == "/portal/projects/\(world.projectB.uuidString)")
            #expect(accepted.cookie("tandem_session") != nil)
        }
    }

    @Test func theInvitationPageSpeaksTheContactsLanguage() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let reply = try await world.client.json(
                .POST, "/api/v1/projects/\(world.projectA)/invitations", token: world.ownerToken,
                body: ["contactId": world.ids[.viewerA]!.uuidString, "canApprove": false])
            let page = try await world.client.page(
                .GET, "/invitations/\(try #require(reply.string("token")))",
                headers: [("Accept-Language", "en-US")])
            #expect(page.body.contains("<html lang=\"zh-Hans\">"))
            #expect(page.body.contains("继续"))
        }
    }

    @Test func aContactOfAnotherCustomerCannotBeInvited() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let reply = try await world.client.json(
                .POST, "/api/v1/projects/\(world.projectA)/invitations", token: world.ownerToken,
                body: ["contactId": world.ids[.contactB]!.uuidString, "canApprove": true])
            #expect(reply.status == .badRequest)
            #expect(reply.errorField == "contactId")
        }
    }

    @Test func askingForASignInLinkAnswersTheSameForKnownAndUnknownAddresses() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let known = try await world.client.json(.POST, "/api/v1/auth/sign-in-links", body: ["email": "ana@bikes.test"])
            let unknown = try await world.client.json(.POST, "/api/v1/auth/sign-in-links", body: ["email": "nobody@nowhere.test"])
            #expect(known.status == .accepted && unknown.status == .accepted)
            #expect(known.body == unknown.body)
            let links = try await AccessLinkRecord.query(on: app.db).filter(\.$kind == "sign_in").all()
            #expect(links.count == 1)
            #expect(links.first?.contactID == world.ids[.contactB])
        }
    }

    @Test func aSignInLinkSignsTheContactInOnceAndKeepsTheirProjects() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let token = try #require(
                try await InvitationActions.requestSignInLink(
                    email: "ana@bikes.test", client: "198.51.100.7",
                    in: app.context()
                ).first)
            let accepted = try await world.client.json(.POST, "/api/v1/auth/invitations/accept", body: ["token": token])
            let contactToken = try #require(accepted.string("token"))
            let projects = try await world.client.json(.GET, "/api/v1/projects", token: contactToken)
            #expect(projects.items.compactMap { $0["id"] as? String } == [world.projectB.uuidString])
            #expect(try await world.client.json(.POST, "/api/v1/auth/invitations/accept", body: ["token": token]).status == .gone)
        }
    }
}
