import Domain
import Fluent
import Foundation
import Persistence
import SQLKit
import Testing
import TestSupport
import Vapor
@testable import Web

/// The real `tandem audit verify` process, and the start's refusal of a lost key.
@Suite struct AuditCommandTests {
    @Test(.enabled(if: TandemProcess.isBuilt))
    func theCommandExitsZeroOnAnIntactChainAndTwoWithTheFindingOnACutOne() async throws {
        let directory = NSTemporaryDirectory() + "tandem-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try await withTestApp(sqliteFile: directory + "/tandem.sqlite", dataDirectory: directory) { app, _ in
            // given a sign-off and an acceptance
            let world = try await World.make(app)
            let approver = try #require(try await world.token(.approverA))
            _ = try await world.client.json(.POST, "/api/v1/projects/\(world.projectA)/scope-versions/1/sign-off", token: approver)
            _ = try await world.client.json(.POST, "/api/v1/deliverables/\(world.visibleDeliverable)/accept", token: approver)
            let sql = app.db as! any SQLDatabase
            var environment = ["TANDEM_DATA_DIR": directory, "TANDEM_SECRET_KEY": TestSecrets.secretKeyText, "LOG_LEVEL": "error"]
            if let url = TestDatabase.postgresURL {
                environment["DATABASE_URL"] = url
                environment["TANDEM_DB_SCHEMA"] = try await sql.raw("SELECT current_schema() AS s").first()?.decode(column: "s", as: String.self)
            }
            // then
            let intact = try TandemProcess.run(["audit", "verify"], environment: environment)
            #expect(intact.code == 0)
            #expect(intact.output.contains("audit log ok: 2 entries"))
            // when the newest entry is removed
            try await AuditTamper.dropGuards(sql)
            try await sql.raw("DELETE FROM audit_entries WHERE seq = 2").run()
            // then
            let cut = try TandemProcess.run(["audit", "verify"], environment: environment)
            #expect(cut.code == 2)
            #expect(cut.output.contains("chain ends at 1 but the checkpoint says 2: entries were removed"))
        }
    }

    @Test(.enabled(if: !TestDatabase.isPostgres))
    func aLostKeyFileIsNotSilentlyReplacedWhenTheChainIsKeyed() async throws {
        let directory = NSTemporaryDirectory() + "tandem-lostkey-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let database = directory + "/tandem.sqlite"
        let keyFile = directory + "/secret.key"
        // given a chain keyed with the key file
        try await withTestApp(sqliteFile: database, dataDirectory: directory, secretKey: .file(path: keyFile)) { app, _ in
            let world = try await World.make(app)
            let approver = try #require(try await world.token(.approverA))
            _ = try await world.client.json(.POST, "/api/v1/projects/\(world.projectA)/scope-versions/1/sign-off", token: approver)
        }
        // when the key file is lost
        try FileManager.default.removeItem(atPath: keyFile)
        // then the next start stops and leaves no new key behind
        try await withTestApp(sqliteFile: database, dataDirectory: directory, migrated: false, secretKey: .file(path: keyFile)) { app, _ in
            await #expect {
                try await migrate(app)
            } throws: { ($0 as? AppConfig.Invalid)?.description.contains("restore secret.key") == true }
        }
        #expect(!FileManager.default.fileExists(atPath: keyFile))
    }
}
