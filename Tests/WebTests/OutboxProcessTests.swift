import Fluent
import Foundation
import Persistence
import SQLKit
import Testing
import TestSupport
import Vapor
@testable import Web

/// The outbox with real `tandem serve` processes and a real SMTP server: nothing queued is lost when a server is
/// killed, and two servers on one PostgreSQL database deliver each message exactly once.
@Suite(.serialized) struct OutboxProcessTests {
    static var runnable: Bool { TandemProcess.isBuilt && SMTPTestServer.available }

    /// The environment a server on `directory` (and, on PostgreSQL, the test's schema) runs with.
    static func environment(_ directory: String, port: Int, schema: String?, smtp: SMTPTestServer? = nil) -> [String: String] {
        var environment = [
            "TANDEM_DATA_DIR": directory, "TANDEM_SECRET_KEY": TestSecrets.secretKeyText, "PORT": "\(port)", "LOG_LEVEL": "error",
        ]
        if let url = TestDatabase.postgresURL, let schema {
            environment["DATABASE_URL"] = url
            environment["TANDEM_DB_SCHEMA"] = schema
        }
        if let smtp {
            environment["TANDEM_SMTP_HOST"] = "127.0.0.1"
            environment["TANDEM_SMTP_PORT"] = "\(smtp.port)"
            environment["TANDEM_SMTP_SECURITY"] = "none"
            environment["TANDEM_SMTP_FROM"] = "tandem@example.com"
        }
        return environment
    }

    static func schema(_ app: Application) async throws -> String? {
        guard TestDatabase.isPostgres, let sql = app.db as? any SQLDatabase else { return nil }
        return try await sql.raw("SELECT current_schema() AS s").first()?.decode(column: "s", as: String.self)
    }

    /// Waits until `condition` holds, for up to `seconds`.
    static func eventually(_ seconds: Double = 45, _ condition: () async throws -> Bool) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(250))
        }
        return try await condition()
    }

    static func stop(_ server: Process, signal: Int32 = SIGTERM) {
        kill(server.processIdentifier, signal)
        server.waitUntilExit()
    }

    @Test(.enabled(if: runnable))
    func mailQueuedBeforeAKill9IsDeliveredOnceAfterTheRestart() async throws {
        let directory = NSTemporaryDirectory() + "tandem-kill-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try await withTestApp(sqliteFile: directory + "/tandem.sqlite", dataDirectory: directory) { app, _ in
            // given the invitations of a workspace, queued in the same transactions as the invitations
            _ = try await World.make(app)
            let queued = try await OutboxRecord.query(on: app.db).filter(\.$status == .queued).all()
            #expect(queued.count >= 3)
            let schema = try await Self.schema(app)

            // when a server without SMTP settings takes them up and is killed with SIGKILL
            let port = try TandemProcess.freePort()
            let first = try TandemProcess.start(["serve"], environment: Self.environment(directory, port: port, schema: schema))
            #expect(try await TandemProcess.firstAnswer(port: port, path: "/health") == 200)
            let tried = try await Self.eventually {
                try await OutboxRecord.query(on: app.db).all().allSatisfy { $0.lastError == OutboxDelivery.notConfiguredReason }
            }
            #expect(tried, "the first server tried each message and found no SMTP")
            Self.stop(first, signal: SIGKILL)

            // and a server with SMTP settings starts on the same database
            let smtp = try SMTPTestServer(mode: "plain")
            let second = try TandemProcess.start(["serve"], environment: Self.environment(directory, port: port, schema: schema, smtp: smtp))
            defer { Self.stop(second) }
            #expect(try await TandemProcess.firstAnswer(port: port, path: "/health") == 200)
            // then every message arrives, once: at the delivery job's next minute, which the database keeps
            #expect(try await Self.eventually(100) { try smtp.received().count >= queued.count })
            try await Task.sleep(for: .seconds(2))
            let received = try smtp.received()
            #expect(received.count == queued.count)
            #expect(Set(received.flatMap(\.rcpt_tos)) == Set(queued.map(\.recipient)))
            #expect(try await OutboxRecord.query(on: app.db).all().allSatisfy { $0.status == .sent })
        }
    }

    @Test(.enabled(if: runnable && TestDatabase.isPostgres))
    func twoServersOnOnePostgreSQLDeliverEachMessageExactlyOnce() async throws {
        let directory = NSTemporaryDirectory() + "tandem-two-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try await withTestApp(dataDirectory: directory) { app, clock in
            let world = try await World.make(app)
            // given 60 more messages queued
            let workspaceID = try #require(try await CustomerRecord.find(world.customerA, on: app.db)?.workspaceID)
            try await app.context().write { db in
                for index in 0..<60 {
                    try await OutboxStore.enqueue(
                        on: db,
                        OutboxMessage(
                            workspaceID: workspaceID, projectID: world.projectA, recipient: "person\(index)@example.com", subject: "Message \(index)",
                            body: "Hello \(index)", htmlBody: nil, idempotencyKey: "two-servers-\(index)"),
                        now: clock.now)
                }
            }
            let queued = try await OutboxRecord.query(on: app.db).filter(\.$status == .queued).count()
            let schema = try await Self.schema(app)
            let smtp = try SMTPTestServer(mode: "plain")

            // when two servers start on the same database at once, each running the jobs
            let ports = [try TandemProcess.freePort(), try TandemProcess.freePort()]
            let servers = try ports.map {
                try TandemProcess.start(["serve"], environment: Self.environment(directory, port: $0, schema: schema, smtp: smtp))
            }
            defer { servers.forEach { Self.stop($0) } }

            // then every message arrives exactly once
            #expect(try await Self.eventually { try smtp.received().count >= queued })
            try await Task.sleep(for: .seconds(3))
            let received = try smtp.received()
            #expect(received.count == queued, "\(received.count) received for \(queued) queued")
            let ids = received.compactMap { message in
                message.raw.split(separator: "\r\n").first { $0.lowercased().hasPrefix("message-id:") }.map(String.init)
            }
            #expect(Set(ids).count == received.count, "no message was sent twice")
        }
    }
}
