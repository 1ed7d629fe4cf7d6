import Domain
import Fluent
import Foundation
import Persistence
import Testing
import TestSupport
import Vapor
@testable import Web

/// IM integrations end to end: the API, the sealed storage, the address guard, and delivery through the outbox to a
/// real HTTP receiver on loopback (`WebhookReceiver`); only the clock is moved.
@Suite struct IntegrationTests {
    /// Turns `TANDEM_WEBHOOK_ALLOW_PRIVATE` on or off for a running test app (config and the live transport).
    static func allowPrivate(_ on: Bool, _ app: Application) {
        app.tandem.config.webhookAllowPrivate = on
        app.tandem.webhooks = NIOWebhookTransport(allowPrivate: on)
    }

    static func create(_ world: World, kind: String, url: String, secret: String? = nil, audience: String? = nil) async throws -> Reply {
        var body: [String: any Sendable] = ["kind": kind, "url": url]
        if let secret { body["secret"] = secret }
        if let audience { body["audience"] = audience }
        return try await world.client.json(.POST, "/api/v1/projects/\(world.projectA)/integrations", token: world.ownerToken, body: body)
    }

    static func queue(_ app: Application, project: UUID, key: String = "post-1") async throws {
        let ctx = app.context()
        try await ctx.write { db in
            try await ProjectIM.enqueue(
                IMPost(
                    title: "Weekly report #3", lines: ["**Done**: shop", "- next: payments"], link: "https://tandem.test/p/r/3", linkText: "Open"),
                projectID: project, idempotencyKey: key, on: db, in: ctx)
        }
    }

    static func imRows(_ app: Application) async throws -> [OutboxRecord] {
        try await OutboxRecord.query(on: app.db).filter(\.$channel == "im").sort(\.$createdAt).all()
    }

    @Test func creationRefusesPrivateAddressesAndBadURLsAndNeverEchoesTheSecret() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            for url in [
                "https://127.0.0.1/hook", "https://localhost:8443/hook", "https://[::1]/hook", "https://10.0.0.8/hook",
                "https://169.254.169.254/latest",
                "https://[::ffff:192.168.1.1]/x", "https://100.64.0.1/x",
            ] {
                let reply = try await Self.create(world, kind: "webhook", url: url)
                #expect(reply.status == .badRequest, "\(url): \(reply.body)")
                #expect(reply.errorField == "url")
            }
            for url in ["http://203.0.113.10/hook", "ftp://203.0.113.10/", "https://", "no url"] {
                let reply = try await Self.create(world, kind: "webhook", url: url)
                #expect(reply.status == .badRequest && reply.errorField == "url", "\(url): \(reply.body)")
            }
            let badKind = try await Self.create(world, kind: "icq", url: "https://203.0.113.10/x")
            #expect(badKind.status == .badRequest && badKind.errorField == "kind")

            let created = try await Self.create(
                world, kind: "wecom", url: "https://203.0.113.10/cgi-bin/webhook/send?key=KEY-CANARY-123", secret: "SECRET-CANARY", audience: "team")
            #expect(created.status == .created, "\(created.body)")
            #expect(created.string("host") == "203.0.113.10")
            #expect(created.string("audience") == "team")
            #expect(created.json["hasSecret"] as? Bool == true)
            let listed = try await world.client.json(.GET, "/api/v1/projects/\(world.projectA)/integrations", token: world.ownerToken)
            #expect(listed.items.count == 1)
            let defaulted = try await Self.create(world, kind: "slack", url: "https://203.0.113.11/services/T/B/X")
            #expect(defaulted.string("audience") == "customer")
            for body in [created.body, listed.body, defaulted.body] {
                for canary in ["KEY-CANARY", "SECRET-CANARY", "cgi-bin", "services/T"] { #expect(!body.contains(canary), "\(canary) in \(body)") }
            }
            // Stored sealed: neither the key in the URL nor the secret is in the row.
            let record = try #require(try await IntegrationRecord.query(on: app.db).filter(\.$kind == "wecom").first())
            #expect(!record.urlSealed.contains("KEY-CANARY") && !(record.secretSealed ?? "").contains("SECRET-CANARY"))
            let seal = IntegrationSeal(app.tandem)
            #expect(try seal.open(record.urlSealed, id: try record.requireID(), field: "url").contains("KEY-CANARY-123"))

            // Who may: owner and manager; a member is refused, a contact of the project is refused, one of another is not told.
            let id = try #require(created.string("id"))
            let member = try #require(try await world.token(.member))
            let approver = try #require(try await world.token(.approverA))
            let stranger = try #require(try await world.token(.contactB))
            let path = "/api/v1/projects/\(world.projectA)/integrations"
            #expect(try await world.client.json(.GET, path, token: member).status == .forbidden)
            #expect(try await world.client.json(.GET, path, token: stranger).status == .notFound)
            #expect(try await world.client.json(.DELETE, "/api/v1/integrations/\(id)", token: member).status == .forbidden)
            #expect(try await world.client.json(.DELETE, "/api/v1/integrations/\(id)", token: stranger).status == .notFound)
            #expect([.forbidden, .notFound].contains(try await world.client.json(.GET, path, token: approver).status))
            let manager = try #require(try await world.token(.manager))
            #expect(try await world.client.json(.DELETE, "/api/v1/integrations/\(id)", token: manager).status == .noContent)
            #expect(try await world.client.json(.DELETE, "/api/v1/integrations/\(id)", token: manager).status == .notFound)
            let after = try await world.client.json(.GET, path, token: world.ownerToken)
            #expect(after.items.count == 1)
        }
    }

    @Test func aSignedWebhookArrivesOnceAfterTheReceiverFailedTwice() async throws {
        let receiver = try await WebhookReceiver.start()
        defer { Task { await receiver.stop() } }
        try await withTestApp { app, clock in
            Self.allowPrivate(true, app)
            let world = try await World.make(app)
            let created = try await Self.create(
                world, kind: "webhook", url: "http://127.0.0.1:\(receiver.port)/hooks/tandem?token=PATH-CANARY", secret: "s3cret")
            #expect(created.status == .created, "\(created.body)")
            try await Self.queue(app, project: world.projectA)
            receiver.script([.init(status: 500), .init(status: 500)])
            let start = clock.now
            var tally = try await OutboxDelivery.deliverDue(at: start, in: app.context())
            #expect(tally.retrying == 1)
            tally = try await OutboxDelivery.deliverDue(at: start.addingTimeInterval(59), in: app.context())
            #expect(tally.total == 0, "not due before the back-off")
            tally = try await OutboxDelivery.deliverDue(at: start.addingTimeInterval(60), in: app.context())
            #expect(tally.retrying == 1)
            tally = try await OutboxDelivery.deliverDue(at: start.addingTimeInterval(60 + 120), in: app.context())
            #expect(tally.sent == 1)
            tally = try await OutboxDelivery.deliverDue(at: start.addingTimeInterval(3600), in: app.context())
            #expect(tally.sent == 0 && tally.retrying == 0, "only the world's e-mails (SMTP not configured) come due again")

            let received = receiver.received
            #expect(received.count == 3)
            #expect(Set(received.map(\.text)).count == 1, "the same body every time")
            let last = try #require(received.last)
            #expect(last.uri == "/hooks/tandem?token=PATH-CANARY")
            #expect(last.header("X-Tandem-Signature") == IMSigning.webhookSignature(body: last.body, secret: "s3cret"))
            let delivery = try #require(last.header("X-Tandem-Delivery"))
            let json = try #require(last.json)
            #expect(json["idempotencyKey"] as? String == delivery)
            #expect(json["event"] as? String == "project.message")
            #expect(json["title"] as? String == "Weekly report #3")
            #expect(json["lines"] as? [String] == ["**Done**: shop", "- next: payments"])
            #expect(json["projectId"] as? String == world.projectA.uuidString.lowercased())
            let row = try #require(try await Self.imRows(app).first)
            #expect(row.status == .sent && row.attempts == 3)

            // The log names kind and host, never the URL.
            let log = try await world.client.json(.GET, "/api/v1/outbox?projectId=\(world.projectA)", token: world.ownerToken)
            let im = try #require(log.items.first { $0["channel"] as? String == "im" })
            #expect(im["recipient"] as? String == "webhook · 127.0.0.1")
            #expect(!log.body.contains("PATH-CANARY") && !log.body.contains("hooks/tandem"))
            let page = try await world.client.page(.GET, "/deliveries", cookies: try await Self.cookies(world))
            #expect(page.body.contains("webhook · 127.0.0.1"))
            #expect(!page.body.contains("PATH-CANARY"))
        }
    }

    static func cookies(_ world: World) async throws -> [String: String] {
        let session = try #require(try await world.session(.owner))
        return ["tandem_session": session.token]
    }

    @Test func dingTalkIsSignedInTheQueryAndABodyErrcodeIsAFailure() async throws {
        let receiver = try await WebhookReceiver.start()
        defer { Task { await receiver.stop() } }
        try await withTestApp { app, clock in
            Self.allowPrivate(true, app)
            let world = try await World.make(app)
            let url = "http://127.0.0.1:\(receiver.port)/robot/send?access_token=TOKEN-CANARY"
            #expect(try await Self.create(world, kind: "dingtalk", url: url, secret: "SEC-CANARY").status == .created)
            try await Self.queue(app, project: world.projectA)
            receiver.script([.init(status: 200, body: #"{"errcode":310000,"errmsg":"sign not match, more: [TOKEN-CANARY]"}"#)])
            let tally = try await OutboxDelivery.deliverDue(at: clock.now, in: app.context())
            #expect(tally.failed == 1)
            let request = try #require(receiver.received.first)
            let query = try #require(URLComponents(string: "http://x\(request.uri)")?.percentEncodedQueryItems)
            #expect(query.first { $0.name == "access_token" }?.value == "TOKEN-CANARY")
            let timestamp = try #require(query.first { $0.name == "timestamp" }?.value.flatMap { Int64($0) })
            #expect(timestamp == Int64(clock.now.timeIntervalSince1970 * 1000))
            let sign = try #require(query.first { $0.name == "sign" }?.value)
            #expect(sign == IMSigning.percentEncoded(IMSigning.dingTalkSign(timestampMillis: timestamp, secret: "SEC-CANARY")))
            let json = try #require(request.json)
            #expect(json["msgtype"] as? String == "markdown")
            let row = try #require(try await Self.imRows(app).first)
            #expect(row.status == .failed)
            let reason = try #require(row.lastError)
            #expect(reason.contains("310000"))
            #expect(!reason.contains("TOKEN-CANARY") && !reason.contains("SEC-CANARY"), "\(reason)")

            // A rate-limit code is worth another try.
            try await Self.queue(app, project: world.projectA, key: "post-2")
            receiver.script([.init(status: 200, body: #"{"errcode":130101,"errmsg":"send too fast"}"#)])
            let second = try await OutboxDelivery.deliverDue(at: clock.now, in: app.context())
            #expect(second.retrying == 1)
        }
    }

    @Test func feishuCarriesTimestampAndSignInTheBody() async throws {
        let receiver = try await WebhookReceiver.start()
        defer { Task { await receiver.stop() } }
        try await withTestApp { app, clock in
            Self.allowPrivate(true, app)
            let world = try await World.make(app)
            #expect(
                try await Self.create(world, kind: "feishu", url: "http://127.0.0.1:\(receiver.port)/open-apis/bot/v2/hook/x", secret: "fs").status
                    == .created)
            try await Self.queue(app, project: world.projectA)
            receiver.script([.init(status: 200, body: #"{"code":0,"msg":"success"}"#)])
            #expect(try await OutboxDelivery.deliverDue(at: clock.now, in: app.context()).sent == 1)
            let json = try #require(receiver.received.first?.json)
            let seconds = Int64(clock.now.timeIntervalSince1970)
            #expect(json["timestamp"] as? String == String(seconds))
            #expect(json["sign"] as? String == IMSigning.feishuSign(timestampSeconds: seconds, secret: "fs"))
            #expect(json["msg_type"] as? String == "interactive")
        }
    }

    @Test func theGuardHoldsAtDeliveryAndARemovedIntegrationFails() async throws {
        let receiver = try await WebhookReceiver.start()
        defer { Task { await receiver.stop() } }
        try await withTestApp { app, clock in
            Self.allowPrivate(true, app)
            let world = try await World.make(app)
            let first = try await Self.create(world, kind: "slack", url: "http://127.0.0.1:\(receiver.port)/services/a")
            let second = try await Self.create(world, kind: "teams", url: "http://localhost:\(receiver.port)/workflows/b")
            let third = try await Self.create(world, kind: "webhook", url: "https://localhost:\(receiver.port)/hooks/c")
            #expect(first.status == .created && second.status == .created && third.status == .created)
            try await Self.queue(app, project: world.projectA)
            // The operator turns private addresses off: nothing reaches loopback any more, whatever the name says.
            Self.allowPrivate(false, app)
            let tally = try await OutboxDelivery.deliverDue(at: clock.now, in: app.context())
            #expect(tally.failed == 3)
            #expect(receiver.received.isEmpty)
            let thirdID = try #require(third.string("id"))
            let guarded = try await Self.imRows(app).first { $0.recipient == thirdID.uppercased() }
            #expect(guarded?.lastError?.contains("loopback, private or link-local") == true, "\(guarded?.lastError ?? "")")
            for row in try await Self.imRows(app) {
                #expect(row.lastError?.contains("private") == true, "\(row.lastError ?? "")")
                #expect(row.lastError?.contains("/services") == false && row.lastError?.contains("/workflows") == false)
            }
            // A loopback URL is refused when added, too.
            let refused = try await Self.create(world, kind: "slack", url: "https://127.0.0.1:\(receiver.port)/services/a")
            #expect(refused.status == .badRequest && refused.errorField == "url")

            Self.allowPrivate(true, app)
            try await Self.queue(app, project: world.projectA, key: "post-2")
            let id = try #require(first.string("id"))
            #expect(try await world.client.json(.DELETE, "/api/v1/integrations/\(id)", token: world.ownerToken).status == .noContent)
            #expect(try await world.client.json(.DELETE, "/api/v1/integrations/\(thirdID)", token: world.ownerToken).status == .noContent)
            let after = try await OutboxDelivery.deliverDue(at: clock.now, in: app.context())
            #expect(after.failed == 2 && after.sent == 1)
            let removed = try await Self.imRows(app).filter { $0.recipient == id.uppercased() && $0.idempotencyKey.hasPrefix("post-2") }
            #expect(removed.first?.lastError == IMDelivery.removedReason)
            #expect(receiver.received.count == 1)
            #expect(receiver.received.first?.header("Host") == "localhost:\(receiver.port)")
            #expect(receiver.received.first?.json?["type"] as? String == "message")
        }
    }

    @Test func theIntegrationsPageAddsListsAndRemoves() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let cookies = try await Self.cookies(world)
            let path = "/projects/\(world.projectA)/integrations"
            let page = try await world.client.page(.GET, path, cookies: cookies)
            #expect(page.status == .ok)
            #expect(page.body.contains("id=\"new-integration\""))
            let token = try #require(page.formToken)
            let refused = try await world.client.page(
                .POST, path, cookies: cookies, form: ["_csrf": token, "kind": "wecom", "url": "https://192.168.0.2/x", "audience": "team"])
            #expect(refused.status == .badRequest)
            #expect(refused.body.contains("aria-invalid"))
            let added = try await world.client.page(
                .POST, path, cookies: cookies,
                form: [
                    "_csrf": token, "kind": "dingtalk", "url": "https://203.0.113.20/robot/send?access_token=PAGE-CANARY", "secret": "x",
                    "audience": "team",
                ])
            #expect(added.status == .seeOther || added.status == .found, "\(added.status) \(added.body.prefix(300))")
            let listed = try await world.client.page(.GET, path, cookies: cookies)
            #expect(listed.body.contains("203.0.113.20"))
            #expect(!listed.body.contains("PAGE-CANARY"))
            let project = try await world.client.page(.GET, "/projects/\(world.projectA)", cookies: cookies)
            #expect(project.body.contains("id=\"integrations-link\""))
        }
    }
}
