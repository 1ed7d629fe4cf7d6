import Domain
import Fluent
import Foundation
import Persistence
import SQLKit
import Testing
import TestSupport
import Vapor
@testable import Web

/// A chain an older release wrote with the unkeyed hash is re-keyed once at start, and only if it verifies.
@Suite struct AuditRekeyTests {
    @Test func aLegacyChainIsReKeyedOnceAndRecordsIt() async throws {
        try await withLegacyDatabase(entries: 3) { app, legacy in
            // when the new release starts
            try await migrate(app)
            // then the chain verifies under the key and says it was re-keyed
            let entries = try await AuditLog.entries(on: app.db)
            #expect(entries.map(\.action) == ["legacy.test", "legacy.test", "legacy.test", AuditRekey.action])
            #expect(entries.prefix(3).map(\.contentHash) == legacy.map(\.contentHash))
            #expect(entries[0].hash != legacy[0].hash)
            #expect(entries[3].actor == "system")
            #expect(try await AuditState.scheme(on: app.db) == .keyed)
            #expect(try await TandemCommand.auditVerify(app) == (0, "audit log ok: 4 entries"))
            // and a second start does nothing more
            try await migrate(app)
            #expect(try await AuditLog.entries(on: app.db).count == 4)
        }
    }

    @Test func aBrokenLegacyChainIsNotReKeyed() async throws {
        try await withLegacyDatabase(entries: 3) { app, legacy in
            // given the middle entry was edited in the database
            let sql = app.db as! any SQLDatabase
            try await sql.raw(
                sql.dialect.name == "sqlite"
                    ? "DROP TRIGGER audit_entries_no_update"
                    : "DROP TRIGGER audit_entries_append_only ON audit_entries"
            ).run()
            try await sql.raw("UPDATE audit_entries SET actor = 'member:eve' WHERE seq = 2").run()
            // when the new release starts, it refuses and names the entry
            do {
                try await migrate(app)
                Issue.record("a broken legacy chain was re-keyed")
            } catch let refused as AuditRekey.Refused {
                #expect(refused.description.contains("entry 2: hash does not match"))
            }
            // and nothing was re-keyed
            #expect(try await AuditState.scheme(on: app.db) == .legacy)
            #expect(try await AuditLog.entries(on: app.db).map(\.hash) == legacy.map(\.hash))
        }
    }

    @Test func aChainMarkedUnkeyedAgainNextToACheckpointIsNotReKeyed() async throws {
        try await withTestApp { app, _ in
            // given a keyed install with a checkpoint, and someone who rewrote the chain unkeyed and put the mark back
            let sql = app.db as! any SQLDatabase
            try await sql.update("audit_state").set("scheme", to: SQLBind("sha256")).run()
            // when it starts again, then it refuses
            await #expect(throws: AuditRekey.Refused.self) { try await migrate(app) }
        }
    }

    @Test func aSignedScopeFromALegacyChainStillVerifiesAfterReKeying() async throws {
        try await withTestApp { app, _ in
            // given a signed-off scope whose chain is what the old release wrote: unkeyed, no checkpoint
            let world = try await World.make(app)
            let approver = try #require(try await world.token(.approverA))
            _ = try await world.client.json(.POST, "/api/v1/projects/\(world.projectA)/scope-versions/1/sign-off", token: approver)
            let sql = app.db as! any SQLDatabase
            try await sql.raw(
                sql.dialect.name == "sqlite"
                    ? "DROP TRIGGER audit_entries_no_update"
                    : "ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only"
            ).run()
            try await AuditTamper.rewriteUnkeyed(sql, entries: try await AuditLog.entries(on: app.db)) { $0.contentHash }
            try await sql.raw(
                sql.dialect.name == "sqlite"
                    ? "CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"
                    : "ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_append_only"
            ).run()
            try await sql.update("audit_state").set("scheme", to: SQLBind("sha256")).run()
            try FileManager.default.removeItem(atPath: app.tandem.auditCheckpoint.path)
            #expect(try await TandemCommand.auditVerify(app).code == 2)
            // when
            try await migrate(app)
            // then
            #expect(try await TandemCommand.auditVerify(app) == (0, "audit log ok: 2 entries"))
            #expect(app.tandem.auditCheckpoint.read() == .found(AuditCheckpoint(seq: 2, hash: try await AuditLog.entries(on: app.db)[1].hash)))
        }
    }
}

/// A database as the release before keyed hashes left it: migrations up to 0010 and `count` entries hashed
/// with plain SHA-256; then `body` runs with the legacy entries.
private func withLegacyDatabase(entries count: Int, _ body: (Application, [AuditEntry]) async throws -> Void) async throws {
    let file = NSTemporaryDirectory() + "tandem-legacy-\(UUID().uuidString).sqlite"
    defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) } }
    try await withTestApp(sqliteFile: file, migrated: false) { app, clock in
        let old = Migrations()
        for migration in AllMigrations.list.prefix(while: { $0.name != "0011_CreateAuditState" }) { old.add(migration) }
        let migrator = Migrator(databases: app.databases, migrations: old, logger: app.logger, on: app.eventLoopGroup.any())
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
        var legacy: [AuditEntry] = []
        for index in 1...count {
            let at = clock.now.addingTimeInterval(Double(index))
            let contentHash = AuditChain.contentHash([("n", String(index))])
            let prev = legacy.last?.hash ?? AuditChain.genesisHash
            let objectID = UUID()
            let hash = AuditChain.entryHash(
                seq: index, at: at, actor: "member:ann", action: "legacy.test", objectType: "x", objectID: objectID,
                contentHash: contentHash, prevHash: prev, scheme: .unkeyed)
            let entry = AuditEntry(
                seq: index, at: at, actor: "member:ann", action: "legacy.test", objectType: "x", objectID: objectID,
                projectID: nil, contentHash: contentHash, prevHash: prev, hash: hash)
            try await AuditEntryRecord(entry).create(on: app.db)
            legacy.append(entry)
        }
        try await body(app, legacy)
    }
}
