import Domain
import Fluent
import Foundation
import Persistence
import Testing
import TestSupport
import Vapor
@testable import Web

/// The thread pages: the team's with the visibility choice, the portal's with customer-visible messages only.
@Suite struct MessagePagesTests {
    func post(_ world: World, as who: World.Who, body: String, visibility: String) async throws {
        let reply = try await world.client.json(
            .POST, "/api/v1/projects/\(world.projectA)/messages", token: try await world.token(who), body: ["body": body, "visibility": visibility])
        #expect(reply.status == .created)
    }

    @Test func theTeamThreadShowsEveryMessageOldestFirstWithItsVisibility() async throws {
        try await withTestApp { app, clock in
            // given
            let world = try await World.make(app)
            try await post(world, as: .owner, body: "first, internal", visibility: "internal")
            clock.advance(by: 60)
            try await post(world, as: .viewerA, body: "second, from the customer", visibility: "customer")
            let session = try #require(try await world.session(.member))
            // when
            let page = try await world.client.page(.GET, "/projects/\(world.projectA)/messages", cookies: ["tandem_session": session.token])
            // then
            #expect(page.status == .ok)
            let first = try #require(page.body.range(of: "first, internal"))
            let second = try #require(page.body.range(of: "second, from the customer"))
            #expect(first.lowerBound < second.lowerBound)
            #expect(page.body.contains("class=\"tag\">Internal</span>"))
            #expect(page.body.contains("name=\"visibility\" value=\"internal\" id=\"message-visibility\" checked"))
            #expect(page.body.contains("Customer-visible"))
            #expect(page.body.contains("Markdown:"))
            // and the project page links to it
            let project = try await world.client.page(.GET, "/projects/\(world.projectA)", cookies: ["tandem_session": session.token])
            #expect(project.body.contains("href=\"/projects/\(world.projectA.uuidString)/messages\""))
        }
    }

    @Test func theTeamPageSaysWhomACustomerVisibleMessageReachesAndWhomItCannot() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            let patched = try await world.client.json(
                .PATCH, "/api/v1/contacts/\(world.ids[.viewerA]!)", token: world.ownerToken, body: ["preferredChannel": "phone"])
            #expect(patched.status == .ok)
            let session = try #require(try await world.session(.owner))
            // when
            let page = try await world.client.page(.GET, "/projects/\(world.projectA)/messages", cookies: ["tandem_session": session.token])
            // then
            #expect(page.body.contains("A customer-visible message reaches 王芳 (E-mail)."))
            #expect(page.body.contains("It is not sent to 李雷 (Phone)"))
        }
    }

    @Test func theTeamPostsACustomerVisibleMessageFromTheForm() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            let session = try #require(try await world.session(.owner))
            // when
            let reply = try await world.client.page(
                .POST, "/projects/\(world.projectA)/messages", cookies: ["tandem_session": session.token],
                form: ["_csrf": session.csrf, "body": "Hello *there*", "visibility": "customer"])
            // then
            #expect(reply.status == .seeOther)
            #expect(reply.location == "/projects/\(world.projectA.uuidString)/messages#latest")
            let stored = try #require(try await MessageRecord.query(on: app.db).first())
            #expect(stored.visibility == .customer)
            #expect(stored.body == "Hello *there*")
        }
    }

    @Test func anEmptyMessageComesBackAsTheSameFormWithNothingWritten() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            let session = try #require(try await world.session(.owner))
            // when
            let reply = try await world.client.page(
                .POST, "/projects/\(world.projectA)/messages", cookies: ["tandem_session": session.token],
                form: ["_csrf": session.csrf, "body": "  ", "visibility": "customer"])
            // then: 400, the message next to the field, the customer choice kept
            #expect(reply.status == .badRequest)
            #expect(reply.body.contains("id=\"message-body\" aria-invalid=\"true\""))
            #expect(reply.body.contains("name=\"visibility\" value=\"customer\" checked"))
            #expect(try await MessageRecord.query(on: app.db).count() == 0)
        }
    }

    @Test func thePortalThreadShowsOnlyCustomerVisibleMessagesInTheContactsLanguage() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            try await post(world, as: .owner, body: "internal canary-9182", visibility: "internal")
            try await post(world, as: .owner, body: "for the customer", visibility: "customer")
            let session = try #require(try await world.session(.viewerA))
            // when
            let page = try await world.client.page(.GET, "/portal/projects/\(world.projectA)/messages", cookies: ["tandem_session": session.token])
            // then
            #expect(page.status == .ok)
            #expect(page.body.contains("for the customer"))
            #expect(!page.body.contains("canary-9182"))
            #expect(page.body.contains("消息"))
            #expect(page.body.contains("发送"))
            #expect(!page.body.contains("name=\"visibility\" value=\"internal\""))
            #expect(page.body.contains("<meta name=\"viewport\" content=\"width=device-width"))
            // and the portal's project page links to it
            let project = try await world.client.page(.GET, "/portal/projects/\(world.projectA)", cookies: ["tandem_session": session.token])
            #expect(project.body.contains("href=\"/portal/projects/\(world.projectA.uuidString)/messages\""))
        }
    }

    @Test func aContactPostingFromThePortalPostsACustomerVisibleMessageEvenWhenAskedForInternal() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let session = try #require(try await world.session(.viewerA))
            let reply = try await world.client.page(
                .POST, "/portal/projects/\(world.projectA)/messages", cookies: ["tandem_session": session.token],
                form: ["_csrf": session.csrf, "body": "A question", "visibility": "internal"])
            #expect(reply.status == .seeOther)
            let stored = try #require(try await MessageRecord.query(on: app.db).first())
            #expect(stored.visibility == .customer)
            #expect(stored.authorKind == .contact)
        }
    }

    @Test func aScriptInAMessageIsTextOnBothPages() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            try await post(
                world, as: .viewerA, body: "<script>alert('x')</script> [go](javascript:alert(1)) ![i](x) <a href=\"javascript:1\">a</a>",
                visibility: "customer")
            for (who, path) in [(World.Who.owner, "/projects/\(world.projectA)/messages"), (.viewerA, "/portal/projects/\(world.projectA)/messages")]
            {
                let session = try #require(try await world.session(who))
                // when
                let page = try await world.client.page(.GET, path, cookies: ["tandem_session": session.token])
                // then: the page's own scripts are the only ones, and no link runs script
                #expect(page.status == .ok)
                let scripts = page.body.components(separatedBy: "<script").count - 1
                let ownScripts = page.body.components(separatedBy: "<script src=\"/static/").count - 1
                #expect(scripts == ownScripts, "\(path)")
                #expect(!page.body.lowercased().contains("href=\"javascript"))
                #expect(page.body.contains("&lt;script&gt;"))
            }
        }
    }
}
