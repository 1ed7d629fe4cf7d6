import Domain
import Fluent
import Foundation
import Persistence
import Testing
import TestSupport
import Vapor
@testable import Web

/// Invitations that fit the people: the first contact may approve by default, messages in the contact's
/// language, a landing that names the workspace, and a way back in for every contact.
@Suite struct InvitationFitTests {
    func get(_ world: World, _ who: World.Who, _ path: String) async throws -> Reply {
        let session = try #require(try await world.session(who))
        return try await world.client.page(.GET, path, cookies: ["tandem_session": session.token])
    }

    func post(_ world: World, _ who: World.Who, _ path: String) async throws -> Reply {
        let session = try #require(try await world.session(who))
        return try await world.client.page(.POST, path, cookies: ["tandem_session": session.token], form: ["_csrf": session.csrf])
    }

    @Test func mayApproveStartsTickedForACustomersFirstContactOnly() async throws {
        try await withTestApp { app, _ in
            // given: a new customer with one contact and a project; customer A already has an approver
            let world = try await World.make(app)
            let customer = try #require(
                try await world.client.json(.POST, "/api/v1/customers", token: world.ownerToken, body: ["name": "Café", "language": "en"]).string(
                    "id"))
            let contact = try #require(
                try await world.client.json(
                    .POST, "/api/v1/customers/\(customer)/contacts", token: world.ownerToken, body: ["name": "Chloé", "email": "chloe@cafe.test"]
                ).string("id"))
            let project = try #require(
                try await world.client.json(
                    .POST, "/api/v1/projects", token: world.ownerToken,
                    body: ["customerId": customer, "name": "Menu", "timeZone": "Europe/Paris", "startDate": "2026-12-01", "goals": ["Menu"]]
                ).string("id"))
            // then
            let first = try await get(world, .owner, "/projects/\(project)/invite")
            #expect(first.body.contains("name=\"canApprove\" checked"))
            #expect(first.body.contains("id=\"first-approver\""))
            let known = try await get(world, .owner, "/projects/\(world.projectA)/invite")
            #expect(known.body.contains("name=\"canApprove\">"))
            #expect(!known.body.contains("name=\"canApprove\" checked"))
            // and once the first contact holds an invitation that may approve, the next one starts unticked
            _ = try await world.client.json(
                .POST, "/api/v1/projects/\(project)/invitations", token: world.ownerToken, body: ["contactId": contact, "canApprove": true])
            #expect(!(try await get(world, .owner, "/projects/\(project)/invite")).body.contains("name=\"canApprove\" checked"))
        }
    }

    @Test func theReadyMessageIsInTheContactsLanguageAndNamesTheAgencyAndTheProject() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            // the owner works in English; 王芳 (customer A) reads Chinese, Ana (customer B) English
            let chinese = try await world.client.json(
                .POST, "/api/v1/projects/\(world.projectA)/invitations", token: world.ownerToken,
                body: ["contactId": world.ids[.approverA]!.uuidString, "canApprove": true])
            let message = try #require(chinese.string("message"))
            #expect(message.hasPrefix("王芳，您好！"))
            #expect(message.contains("Studio") && message.contains("「小程序商城」"))
            #expect(message.contains(try #require(chinese.string("url"))))
            let english = try await InvitationTests.invite(world)
            let other = try #require(english.string("message"))
            #expect(other.hasPrefix("Hello Ana,") && other.contains("Studio") && other.contains("“Website”"))
            // the dialog shows it to copy
            let session = try #require(try await world.session(.owner))
            let page = try await world.client.page(
                .POST, "/projects/\(world.projectA)/invitations", cookies: ["tandem_session": session.token],
                form: ["_csrf": session.csrf, "contactId": world.ids[.viewerA]!.uuidString])
            #expect(page.body.contains("id=\"ready-message\""))
            #expect(page.body.contains("李雷，您好！"))
        }
    }

    @Test func theLandingNamesTheInvitingWorkspace() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let token = try #require(try await InvitationTests.invite(world).string("token"))
            let landing = try await world.client.page(.GET, "/invitations/\(token)")
            #expect(landing.body.contains("id=\"inviting-workspace\"><strong>From Studio</strong>"))
        }
    }

    @Test func aUsedLinkOffersASignInLinkRequestAndSaysTheTeamCanSendOne() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let token = try #require(try await InvitationTests.invite(world).string("token"))
            #expect(try await world.client.json(.POST, "/api/v1/auth/invitations/accept", body: ["token": token]).status == .ok)
            // when the link is opened again
            let page = try await world.client.page(.GET, "/invitations/\(token)")
            // then
            #expect(page.status == .gone)
            #expect(page.body.contains("id=\"link-gone\""))
            #expect(page.body.contains("action=\"/portal/sign-in\" id=\"sign-in-link-form\""))
            #expect(page.body.contains("The team can also send you one."))
            // and the request it offers works
            let csrf = try #require(page.cookie("tandem_csrf"))
            let sent = try await world.client.page(
                .POST, "/portal/sign-in", cookies: ["tandem_csrf": csrf], form: ["_csrf": csrf, "email": "ana@bikes.test"])
            #expect(sent.location == "/portal/sign-in?sent=1")
            #expect(try await AccessLinkRecord.query(on: app.db).filter(\.$kind == "sign_in").count() == 1)
        }
    }

    @Test func aContactWhoMayNotApproveIsToldWhoMay() async throws {
        try await withTestApp { app, _ in
            // given scope v1 waits for sign-off on project A; 李雷 may not approve, 王芳 may
            let world = try await World.make(app)
            // when
            let viewer = try await get(world, .viewerA, "/portal/projects/\(world.projectA)")
            let approver = try await get(world, .approverA, "/portal/projects/\(world.projectA)")
            // then
            #expect(viewer.body.contains("id=\"who-approves\""))
            #expect(viewer.body.contains("第 1 版范围等待 王芳 签署"))
            #expect(!viewer.body.contains("请审阅并签署第 1 版范围"))
            #expect(!approver.body.contains("id=\"who-approves\""))
            #expect(approver.body.contains("请审阅并签署第 1 版范围"))
        }
    }

    @Test func theTeamIssuesAFreshSignInLinkFromTheContactsRow() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let contactID = world.ids[.approverA]!
            let customerPage = try await get(world, .manager, "/customers/\(world.customerA)")
            #expect(customerPage.body.contains("action=\"/contacts/\(contactID.uuidString)/sign-in-link\""))
            #expect(!(try await get(world, .member, "/customers/\(world.customerA)")).body.contains("contact-sign-in-link"))
            // when
            let issued = try await post(world, .manager, "/contacts/\(contactID)/sign-in-link")
            // then: the link and a ready message in the contact's language
            #expect(issued.status == .ok)
            #expect(issued.body.contains("id=\"issued-url\""))
            #expect(issued.body.contains("王芳，您好！"))
            let token = try #require(
                issued.body.range(of: "/invitations/").map { String(issued.body[$0.upperBound...].prefix { $0 != "\"" && $0 != " " && $0 != "<" }) })
            let accepted = try await world.client.json(.POST, "/api/v1/auth/invitations/accept", body: ["token": token])
            #expect(accepted.status == .ok)
            let portal = try await world.client.json(.GET, "/api/v1/projects", token: try #require(accepted.string("token")))
            #expect(portal.items.count == 1)
        }
    }

    @Test func onlyOwnersAndManagersIssueSignInLinksAndOnlyForKnownContacts() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let path = "/api/v1/contacts/\(world.ids[.contactB]!)/sign-in-links"
            let manager = try await world.client.json(.POST, path, token: try await world.token(.manager))
            #expect(manager.status == .created)
            #expect(manager.string("message")?.hasPrefix("Hello Ana,") == true)
            #expect(try await world.client.json(.POST, path, token: try await world.token(.member)).status == .forbidden)
            #expect(try await world.client.json(.POST, path, token: try await world.token(.contactB)).status == .forbidden)
            #expect(try await world.client.json(.POST, "/api/v1/contacts/\(UUID())/sign-in-links", token: world.ownerToken).status == .notFound)
            #expect(
                try await world.client.json(.POST, "/api/v1/contacts/\(world.ids[.member]!)/sign-in-links", token: world.ownerToken).status
                    == .notFound)
        }
    }
}
