import Domain
import Fluent
import Foundation
import NIOConcurrencyHelpers
import Persistence
import SQLKit
import Testing
import TestSupport
import Vapor
@testable import Web

/// A transport that records what it is handed, failing the first `failures` sends with `error`. Only the transport
/// is a stand-in: the outbox, the database and the jobs are the real ones.
final class RecordingTransport: MailTransport {
    private let state: NIOLockedValueBox<(sent: [MailMessage], calls: Int, failures: Int, error: MailError)>
    private let delay: Duration

    init(failures: Int = 0, error: MailError = .transient("421 try later"), delay: Duration = .zero) {
        state = .init((sent: [], calls: 0, failures: failures, error: error))
        self.delay = delay
    }

    var sent: [MailMessage] { state.withLockedValue { $0.sent } }
    var calls: Int { state.withLockedValue { $0.calls } }

    func send(_ message: MailMessage) async throws(MailError) {
        if delay > .zero { try? await Task.sleep(for: delay) }
        let failure: MailError? = state.withLockedValue { box in
            box.calls += 1
            if box.failures > 0 {
                box.failures -= 1
                return box.error
            }
            box.sent.append(message)
            return nil
        }
        if let failure { throw failure }
    }
}

@Suite struct OutboxTests {
    /// The rows queued for `recipient`.
    func rows(to recipient: String, on db: any Database) async throws -> [OutboxRecord] {
        try await OutboxRecord.query(on: db).filter(\.$recipient == recipient).sort(\.$createdAt).all()
    }

    func useTransport(_ transport: any MailTransport, _ app: Application) {
        app.tandem.mail = transport
    }

    @Test func aRowQueuedInAWriteThatFailsIsNotKept() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let before = try await OutboxRecord.query(on: app.db).count()
            let ctx = app.context()
            let workspaceID = try #require(try await CustomerRecord.find(world.customerA, on: app.db)?.workspaceID)
            struct Refused: Error {}
            await #expect(throws: Refused.self) {
                try await ctx.write { db in
                    try await OutboxStore.enqueue(
                        on: db,
                        OutboxMessage(
                            workspaceID: workspaceID, projectID: nil, recipient: "x@tea.test", subject: "s", body: "b", htmlBody: nil,
                            idempotencyKey: "k"), now: ctx.now)
                    throw Refused()
                }
            }
            #expect(try await OutboxRecord.query(on: app.db).count() == before)
            // and an invitation the action refuses (a deactivated contact) queues nothing either
            _ = try await world.client.json(.PATCH, "/api/v1/contacts/\(world.ids[.viewerA]!)", token: world.ownerToken, body: ["active": false])
            let refused = try await world.client.json(
                .POST, "/api/v1/projects/\(world.projectA)/invitations", token: world.ownerToken,
                body: ["contactId": world.ids[.viewerA]!.uuidString, "canApprove": false])
            #expect(refused.status == .conflict)
            #expect(try await OutboxRecord.query(on: app.db).count() == before)
        }
    }

    @Test func anInvitationIsSentOnceInTheContactsLanguageAndMarkedSent() async throws {
        try await withTestApp { app, clock in
            // given: World.make invited three contacts, each one e-mail
            let world = try await World.make(app)
            let transport = RecordingTransport()
            useTransport(transport, app)
            // when
            let tally = try await OutboxDelivery.deliverDue(at: clock.now, in: app.context())
            _ = try await OutboxDelivery.deliverDue(at: clock.now.addingTimeInterval(3600), in: app.context())
            // then each went out once
            #expect(tally.sent == 3)
            #expect(transport.sent.count == 3)
            let li = try #require(transport.sent.first { $0.to == ["li@tea.test"] })
            #expect(li.subject == "Studio 邀请您查看项目「小程序商城」")
            #expect(li.text.contains("李雷，您好！"))
            #expect(li.text.contains("http://tandem.test/invitations/"))
            #expect(li.html?.contains("<a href=\"http://tandem.test/invitations/") == true)
            #expect(li.headers["Message-ID"]?.hasPrefix("<invitation-") == true)
            let ana = try #require(transport.sent.first { $0.to == ["ana@bikes.test"] })
            #expect(ana.subject == "Studio invites you to the project “Website”")
            let row = try #require(try await rows(to: "li@tea.test", on: app.db).first)
            #expect(row.status == .sent)
            #expect(row.sentAt == clock.now)
            #expect(row.attempts == 1)
            #expect(row.projectID == world.projectA)
        }
    }

    @Test func aTransientFailureBacksOffAndLaterSucceeds() async throws {
        try await withTestApp { app, clock in
            _ = try await World.make(app)
            try await OutboxRecord.query(on: app.db).filter(\.$recipient != "ana@bikes.test").delete()
            let transport = RecordingTransport(failures: 2)
            useTransport(transport, app)
            let start = clock.now
            // when the first attempt fails
            var tally = try await OutboxDelivery.deliverDue(at: start, in: app.context())
            #expect(tally.retrying == 1)
            var row = try #require(try await rows(to: "ana@bikes.test", on: app.db).first)
            #expect(row.status == .queued)
            #expect(row.attempts == 1)
            #expect(row.lastError == "421 try later")
            #expect(row.nextAttemptAt == start.addingTimeInterval(60))
            // then it is not tried before its time
            tally = try await OutboxDelivery.deliverDue(at: start.addingTimeInterval(59), in: app.context())
            #expect(tally.total == 0)
            // the second failure waits twice as long
            _ = try await OutboxDelivery.deliverDue(at: start.addingTimeInterval(60), in: app.context())
            row = try #require(try await rows(to: "ana@bikes.test", on: app.db).first)
            #expect(row.attempts == 2)
            #expect(row.nextAttemptAt == start.addingTimeInterval(180))
            // and the third attempt delivers it
            tally = try await OutboxDelivery.deliverDue(at: start.addingTimeInterval(180), in: app.context())
            #expect(tally.sent == 1)
            #expect(transport.calls == 3)
            #expect(transport.sent.count == 1)
            row = try #require(try await rows(to: "ana@bikes.test", on: app.db).first)
            #expect(row.status == .sent)
            #expect(row.lastError == nil)
        }
    }

    @Test func backOffDoublesAndIsCapped() {
        #expect(OutboxDelivery.backOff(afterAttempts: 1) == 60)
        #expect(OutboxDelivery.backOff(afterAttempts: 4) == 480)
        #expect(OutboxDelivery.backOff(afterAttempts: 20) == 6 * 3600)
    }

    @Test func aPermanentFailureFailsAtOnceAndSendAgainQueuesIt() async throws {
        try await withTestApp { app, clock in
            let world = try await World.make(app)
            try await OutboxRecord.query(on: app.db).filter(\.$recipient != "ana@bikes.test").delete()
            useTransport(RecordingTransport(failures: 1, error: .permanent("550 no such user")), app)
            // when
            _ = try await OutboxDelivery.deliverDue(at: clock.now, in: app.context())
            // then
            let list = try await world.client.json(.GET, "/api/v1/outbox", token: world.ownerToken)
            #expect(list.status == .ok)
            let items = try #require(list.json["items"] as? [[String: Any]])
            #expect(items.count == 1)
            #expect(items.first?["status"] as? String == "failed")
            #expect(items.first?["lastError"] as? String == "550 no such user")
            #expect(items.first?["channel"] as? String == "email")
            #expect(items.first?["attempts"] as? Int == 1)
            let id = try #require(items.first?["id"] as? String)
            // and "send again" queues it; a queued one cannot be sent again
            clock.advance(by: 600)
            let retried = try await world.client.json(.POST, "/api/v1/outbox/\(id)/retry", token: world.ownerToken)
            #expect(retried.status == .ok)
            #expect(retried.string("status") == "queued")
            #expect(try await world.client.json(.POST, "/api/v1/outbox/\(id)/retry", token: world.ownerToken).status == .conflict)
            let tally = try await OutboxDelivery.deliverDue(at: clock.now, in: app.context())
            #expect(tally.sent == 1)
            // filtered by project: ana's invitation is project B's
            let ofA = try await world.client.json(.GET, "/api/v1/outbox?projectId=\(world.projectA)", token: world.ownerToken)
            #expect((ofA.json["items"] as? [Any])?.isEmpty == true)
            let ofB = try await world.client.json(.GET, "/api/v1/outbox?projectId=\(world.projectB)", token: world.ownerToken)
            #expect((ofB.json["items"] as? [[String: Any]])?.first?["status"] as? String == "sent")
            #expect(try await world.client.json(.GET, "/api/v1/outbox?projectId=nope", token: world.ownerToken).status == .badRequest)
        }
    }

    @Test func withoutSMTPMailStaysQueuedWithTheReasonAndThePagesSaySo() async throws {
        try await withTestApp { app, clock in
            let world = try await World.make(app)
            // when (the default transport: nothing configured)
            let tally = try await OutboxDelivery.deliverDue(at: clock.now, in: app.context())
            // then
            #expect(tally.waiting == 3)
            let row = try #require(try await rows(to: "ana@bikes.test", on: app.db).first)
            #expect(row.status == .queued)
            #expect(row.attempts == 0)
            #expect(row.lastError == "SMTP is not configured (TANDEM_SMTP_HOST)")
            #expect(row.nextAttemptAt == clock.now.addingTimeInterval(3600))
            let session = try #require(try await world.session(.owner))
            let page = try await world.client.page(.GET, "/deliveries", cookies: ["tandem_session": session.token])
            #expect(page.status == .ok)
            #expect(page.body.contains("id=\"mail-not-configured\""))
            #expect(page.body.contains("SMTP is not configured (TANDEM_SMTP_HOST)"))
            #expect(page.body.contains("ana@bikes.test"))
            let signIn = try await world.client.page(.GET, "/portal/sign-in")
            #expect(signIn.body.contains("id=\"mail-not-configured\""))
            // and with a transport the notices go
            useTransport(RecordingTransport(), app)
            #expect(!(try await world.client.page(.GET, "/portal/sign-in")).body.contains("id=\"mail-not-configured\""))
        }
    }

    @Test func twoWorkersAtOnceSendEachMessageExactlyOnce() async throws {
        try await withTestApp { app, clock in
            let world = try await World.make(app)
            for index in 0..<30 {
                let reply = try await world.client.json(
                    .POST, "/api/v1/members/invitations", token: world.ownerToken,
                    body: ["email": "colleague\(index)@studio.test", "role": "member"])
                #expect(reply.status == .created)
            }
            let transport = RecordingTransport(delay: .milliseconds(2))
            useTransport(transport, app)
            var one = app.tandem
            one.instanceID = "one"
            var two = app.tandem
            two.instanceID = "two"
            let first = ActionContext(db: app.db, services: one, identity: .anonymous, threadPool: app.threadPool, logger: app.logger)
            let second = ActionContext(db: app.db, services: two, identity: .anonymous, threadPool: app.threadPool, logger: app.logger)
            // when
            async let a = OutboxDelivery.deliverDue(at: clock.now, in: first)
            async let b = OutboxDelivery.deliverDue(at: clock.now, in: second)
            let (ta, tb) = try await (a, b)
            // then
            #expect(ta.sent + tb.sent == 33)
            #expect(transport.sent.count == 33)
            #expect(Set(transport.sent.map(\.to)).count == 33)
            #expect(try await OutboxRecord.query(on: app.db).filter(\.$status == .sent).count() == 33)
        }
    }

    @Test func aSignInLinkRequestQueuesOneMailInTheContactsLanguageWithAWorkingLink() async throws {
        try await withTestApp { app, clock in
            let world = try await World.make(app)
            let transport = RecordingTransport()
            useTransport(transport, app)
            _ = try await OutboxDelivery.deliverDue(at: clock.now, in: app.context())
            // when
            let reply = try await world.client.json(.POST, "/api/v1/auth/sign-in-links", body: ["email": "li@tea.test"])
            #expect(reply.status == .accepted)
            _ = try await world.client.json(.POST, "/api/v1/auth/sign-in-links", body: ["email": "nobody@tea.test"])
            // then one e-mail, in Chinese
            let queued = try await rows(to: "li@tea.test", on: app.db).filter { $0.idempotencyKey.hasPrefix("sign-in-") }
            #expect(queued.count == 1)
            #expect(try await OutboxRecord.query(on: app.db).filter(\.$recipient == "nobody@tea.test").count() == 0)
            _ = try await OutboxDelivery.deliverDue(at: clock.now, in: app.context())
            let mail = try #require(transport.sent.last)
            #expect(mail.to == ["li@tea.test"])
            #expect(mail.subject == "您在 Studio 的登录链接")
            #expect(mail.text.contains("30 分钟内有效"))
            // and its link signs the contact in
            let link = try #require(mail.text.split(separator: "\n").first { $0.hasPrefix("http://tandem.test/invitations/") })
            let token = String(link.dropFirst("http://tandem.test/invitations/".count))
            let accepted = try await world.client.json(.POST, "/api/v1/auth/invitations/accept", body: ["token": token])
            #expect(accepted.status == .ok)
        }
    }

    @Test func aMemberInvitationIsMailedToo() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let reply = try await world.client.json(
                .POST, "/api/v1/members/invitations", token: world.ownerToken,
                body: ["email": "new@studio.test", "role": "member", "language": "zh-Hans"])
            #expect(reply.status == .created)
            let row = try #require(try await rows(to: "new@studio.test", on: app.db).first)
            #expect(row.subject == "加入同行中的 Studio")
            #expect(row.body.contains(try #require(reply.string("url"))))
        }
    }

    @Test func theJobRunsOnceWhenDueAndNotAgainUntilItsNextTime() async throws {
        try await withTestApp { app, clock in
            _ = try await World.make(app)
            let transport = RecordingTransport()
            useTransport(transport, app)
            let at = clock.now
            #expect(try await JobRegistry.runDue(at: at, app: app) == ["deliver-outbox"])
            #expect(transport.sent.count == 3)
            // the next tick 30 s later is not due; after an hour of downtime it runs once and is next due a minute on
            #expect(try await JobRegistry.runDue(at: at.addingTimeInterval(30), app: app) == [])
            _ = try await JobRegistry.runDue(at: at.addingTimeInterval(3600), app: app)
            let job = try #require(try await JobStore.find(kind: "deliver-outbox", key: "", on: app.db))
            #expect(job.dueAt == at.addingTimeInterval(3660))
            #expect(job.claimedBy == nil)
            #expect(job.lastRunAt == at.addingTimeInterval(3600))
        }
    }

    @Test func aJobClaimedByAnotherInstanceIsNotRunTwice() async throws {
        try await withTestApp { app, clock in
            let at = clock.now
            let claimedByA = try await app.context().write { db in
                try await JobStore.ensure(kind: "test", key: "k", dueAt: at, on: db)
                return try await JobStore.claim(kind: "test", key: "k", now: at, owner: "a", leaseUntil: at.addingTimeInterval(60), on: db)
            }
            #expect(claimedByA != nil)
            let claimedByB = try await app.context().write { db in
                try await JobStore.claim(kind: "test", key: "k", now: at, owner: "b", leaseUntil: at.addingTimeInterval(60), on: db)
            }
            #expect(claimedByB == nil)
            // and once a's lease runs out (a crashed), b may take it
            let later = try await app.context().write { db in
                try await JobStore.claim(
                    kind: "test", key: "k", now: at.addingTimeInterval(61), owner: "b", leaseUntil: at.addingTimeInterval(120), on: db)
            }
            #expect(later == claimedByA)
        }
    }

    @Test func theDeliveryLogIsTheWorkspacesOwn() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let member = try #require(try await world.token(.member))
            #expect(try await world.client.json(.GET, "/api/v1/outbox", token: member).status == .forbidden)
            let contact = try #require(try await world.token(.approverA))
            #expect(try await world.client.json(.GET, "/api/v1/outbox", token: contact).status == .notFound)
            let manager = try #require(try await world.token(.manager))
            let list = try await world.client.json(.GET, "/api/v1/outbox?limit=2", token: manager)
            #expect((list.json["items"] as? [Any])?.count == 2)
            #expect(list.string("nextCursor") != nil)
        }
    }

    @Test func theDeliveriesPageSendsAFailedOneAgainAndContactsNeverSeeIt() async throws {
        try await withTestApp { app, clock in
            let world = try await World.make(app)
            try await OutboxRecord.query(on: app.db).filter(\.$recipient != "ana@bikes.test").delete()
            useTransport(RecordingTransport(failures: 1, error: .permanent("550 no such user")), app)
            _ = try await OutboxDelivery.deliverDue(at: clock.now, in: app.context())
            let row = try #require(try await rows(to: "ana@bikes.test", on: app.db).first)
            let session = try #require(try await world.session(.manager))
            let cookies = ["tandem_session": session.token]
            // the page shows the failure and its button, in the viewer's language
            let page = try await world.client.page(.GET, "/deliveries", cookies: cookies)
            #expect(page.status == .ok)
            #expect(page.body.contains("550 no such user"))
            #expect(page.body.contains("Send again"))
            #expect(page.body.contains("href=\"/deliveries\""))
            // when
            let sent = try await world.client.page(
                .POST, "/deliveries/\(try row.requireID())/retry", cookies: cookies, form: ["_csrf": session.csrf])
            // then
            #expect(sent.status == .seeOther)
            #expect(try await OutboxRecord.find(row.requireID(), on: app.db)?.status == .queued)
            // and a contact finds no such page
            let contact = try #require(try await world.session(.approverA))
            #expect(try await world.client.page(.GET, "/deliveries", cookies: ["tandem_session": contact.token]).status == .notFound)
        }
    }

    @Test(.enabled(if: TandemProcess.isBuilt))
    func jobsRunAtDeliversThroughTheCommandLineOnTheSameDatabase() async throws {
        let directory = NSTemporaryDirectory() + "tandem-jobs-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try await withTestApp(sqliteFile: directory + "/tandem.sqlite", dataDirectory: directory) { app, clock in
            _ = try await World.make(app)
            var environment = ["TANDEM_DATA_DIR": directory, "TANDEM_SECRET_KEY": TestSecrets.secretKeyText, "LOG_LEVEL": "error"]
            if let url = TestDatabase.postgresURL {
                let sql = app.db as! any SQLDatabase
                environment["DATABASE_URL"] = url
                environment["TANDEM_DB_SCHEMA"] = try await sql.raw("SELECT current_schema() AS s").first()?.decode(column: "s", as: String.self)
            }
            let at = RFC3339.string(clock.now)
            // when (the process has no SMTP settings)
            let run = try TandemProcess.run(["jobs", "run", "--at", at], environment: environment)
            // then
            #expect(run.code == 0)
            #expect(run.output.contains("ran 1 job(s) due at \(at): deliver-outbox"), "\(run.output)")
            let row = try #require(try await rows(to: "ana@bikes.test", on: app.db).first)
            #expect(row.lastError == "SMTP is not configured (TANDEM_SMTP_HOST)")
            // and the same instant again finds nothing due
            let again = try TandemProcess.run(["jobs", "run", "--at", at], environment: environment)
            #expect(again.output.contains("ran 0 job(s)"), "\(again.output)")
        }
    }
}
