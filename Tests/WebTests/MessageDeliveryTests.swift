import Domain
import Fluent
import Foundation
import Persistence
import Testing
import TestSupport
import Vapor
@testable import Web

/// What a message sends: one e-mail per invited contact who prefers e-mail, in that contact's language; nothing for
/// an internal message or a contact who prefers the phone.
@Suite struct MessageDeliveryTests {
    /// The rows a message queued for contacts (the team's notices, keyed `…-member-<id>`, are left out).
    func messageRows(_ app: Application) async throws -> [OutboxRecord] {
        try await OutboxRecord.query(on: app.db).filter(\.$idempotencyKey =~ "message-").sort(\.$recipient).all()
            .filter { !$0.idempotencyKey.contains("-member-") }
    }

    func post(_ world: World, as who: World.Who, body: String, visibility: String) async throws -> Reply {
        try await world.client.json(
            .POST, "/api/v1/projects/\(world.projectA)/messages", token: try await world.token(who), body: ["body": body, "visibility": visibility])
    }

    func set(_ world: World, _ who: World.Who, _ fields: [String: any Sendable]) async throws {
        let reply = try await world.client.json(.PATCH, "/api/v1/contacts/\(world.ids[who]!)", token: world.ownerToken, body: fields)
        #expect(reply.status == .ok, "\(reply.body)")
    }

    @Test func aCustomerVisibleTeamMessageEmailsEachContactInTheirOwnLanguage() async throws {
        try await withTestApp { app, _ in
            // given: 王芳 reads Chinese, 李雷 English
            let world = try await World.make(app)
            try await set(world, .approverA, ["language": "zh-Hans", "preferredChannel": "email"])
            try await set(world, .viewerA, ["language": "en"])
            // when
            let reply = try await post(world, as: .owner, body: "The **beta** is live: https://beta.example.com", visibility: "customer")
            // then
            #expect(reply.status == .created)
            let rows = try await messageRows(app)
            #expect(rows.map(\.recipient) == ["li@tea.test", "wang@tea.test"])
            let english = try #require(rows.first { $0.recipient == "li@tea.test" })
            let chinese = try #require(rows.first { $0.recipient == "wang@tea.test" })
            #expect(english.subject == "Studio: new message on “小程序商城”")
            #expect(chinese.subject == "Studio：项目「小程序商城」有新消息")
            #expect(english.body.contains("The beta is live: https://beta.example.com"))
            #expect(!english.body.contains("**"))
            #expect(english.body.contains("/portal/projects/\(world.projectA.uuidString)/messages"))
            #expect(chinese.body.contains("在门户中查看并回复"))
            let html = try #require(english.htmlBody)
            #expect(html.contains("<strong>beta</strong>"))
            #expect(html.contains("href=\"https://beta.example.com\" rel=\"nofollow noopener\""))
            #expect(html.contains("/portal/projects/\(world.projectA.uuidString)/messages"))
            #expect(english.projectID == world.projectA)
        }
    }

    @Test func anInternalMessageNeverLeavesTheTeam() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            // when
            let reply = try await post(world, as: .owner, body: "internal canary-5521 <b>", visibility: "internal")
            _ = try await post(world, as: .owner, body: "a visible one", visibility: "customer")
            // then: the visible one went out, and no row anywhere carries the canary
            #expect(reply.status == .created)
            #expect(try await messageRows(app).count == 2)
            for row in try await OutboxRecord.query(on: app.db).all() {
                #expect(!row.subject.contains("canary-5521"))
                #expect(!row.body.contains("canary-5521"))
                #expect(!(row.htmlBody ?? "").contains("canary-5521"))
            }
        }
    }

    @Test func aContactWhoPrefersThePhoneOrAnIMChannelGetsNoEmail() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            try await set(world, .approverA, ["preferredChannel": "phone"])
            try await set(world, .viewerA, ["preferredChannel": "wecom"])
            // when
            #expect(try await post(world, as: .owner, body: "hello", visibility: "customer").status == .created)
            // then (the group-chat post goes through ProjectIM, which the integrations part fills in)
            #expect(try await messageRows(app).isEmpty)
        }
    }

    @Test func aDeactivatedContactGetsNothing() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            try await set(world, .viewerA, ["active": false])
            #expect(try await post(world, as: .owner, body: "hello", visibility: "customer").status == .created)
            #expect(try await messageRows(app).map(\.recipient) == ["wang@tea.test"])
        }
    }

    @Test func aContactsMessageEmailsNoOtherContact() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            #expect(try await post(world, as: .viewerA, body: "a question", visibility: "customer").status == .created)
            #expect(try await messageRows(app).isEmpty)
            let told = try await OutboxRecord.query(on: app.db).all().filter { $0.idempotencyKey.contains("-member-") }
            #expect(told.count == 3, "each active member is told of the contact's message")
        }
    }

    @Test func aMessageWithCatalogueSlotsKeepsItsTextAsTyped() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            _ = try await post(world, as: .owner, body: "literal {0} and {1}", visibility: "customer")
            let row = try #require(try await messageRows(app).first)
            #expect(row.body.contains("literal {0} and {1}"))
        }
    }

    @Test func aContactsMessageTellsTheTeamAndAnInternalOneTellsNobody() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            let project = try #require(try await ProjectRecord.find(world.projectA, on: app.db))
            let ctx = app.context()
            let question = Message(
                id: UUID(), projectID: world.projectA, body: "When **exactly**?", visibility: .customer, authorKind: .contact,
                authorID: world.ids[.viewerA]!, authorName: "李雷", createdAt: ctx.now)
            var note = question
            note.authorKind = .member
            note.visibility = .internal
            // when
            let asked = try await MessageDelivery.plan(question, project: project, in: ctx)
            let noted = try await MessageDelivery.plan(note, project: project, in: ctx)
            // then
            #expect(asked.notice?.event == .messagePosted)
            #expect(asked.notice?.actorName == "李雷")
            #expect(asked.notice?.quote == "When exactly?")
            #expect(asked.notice?.path == "/projects/\(world.projectA.uuidString)/messages")
            #expect(asked.emails.isEmpty && asked.im == nil)
            #expect(noted.notice == nil && noted.emails.isEmpty && noted.im == nil)
        }
    }

    @Test func contactsPreferringGroupChatsGetOnePostInTheCustomersLanguage() async throws {
        try await withTestApp { app, _ in
            // given: both contacts of customer A (Chinese) prefer a group chat, one of them reads English
            let world = try await World.make(app)
            try await set(world, .approverA, ["preferredChannel": "dingtalk"])
            try await set(world, .viewerA, ["preferredChannel": "slack", "language": "en"])
            let project = try #require(try await ProjectRecord.find(world.projectA, on: app.db))
            let ctx = app.context()
            let message = Message(
                id: UUID(), projectID: world.projectA, body: "Ready", visibility: .customer, authorKind: .member, authorID: world.ids[.owner]!,
                authorName: "Olivia Owner", createdAt: ctx.now)
            // when
            let plan = try await MessageDelivery.plan(message, project: project, in: ctx)
            // then
            #expect(plan.emails.isEmpty)
            #expect(plan.im?.title == "Olivia Owner 在「小程序商城」中留言")
            #expect(plan.im?.link?.hasSuffix("/portal/projects/\(world.projectA.uuidString)/messages") == true)
        }
    }

    @Test func theIMPostIsInTheCustomersLanguageAndNamesTheAuthor() {
        // given
        let message = Message(
            id: UUID(), projectID: UUID(), body: "**Beta** ready\n- one", visibility: .customer, authorKind: .member, authorID: UUID(),
            authorName: "Olivia", createdAt: Date())
        let catalogue = try! Catalogue.load()
        // when
        let post = MessageEmail.imPost(message, project: "商城", url: "https://t.example/portal", language: .zhHans, catalogue: catalogue)
        // then
        #expect(post.title == "Olivia 在「商城」中留言")
        #expect(post.lines == ["**Beta** ready", "", "- one"])
        #expect(post.link == "https://t.example/portal")
    }
}
