import Domain
import Fluent
import Foundation
import Persistence
import SQLKit
import Testing
import TestSupport
import Vapor
@testable import Web

/// Someone with write access to the database (a real SQLite file, or PostgreSQL) rewrites the audit trail;
/// `tandem audit verify` must exit non-zero and say what it found.
@Suite struct AuditTamperTests {
    @Test func anUntouchedChainWithSignOffAcceptanceAndReturnVerifies() async throws {
        try await withTamperableApp { app, world in
            // given
            try await world.decideEverything()
            // when
            let (code, report) = try await TandemCommand.auditVerify(app)
            // then
            #expect(code == 0)
            #expect(report == "audit log ok: 3 entries")
        }
    }

    @Test func aChainRecomputedWithTheUnkeyedHashFailsAtItsFirstEntry() async throws {
        try await withTamperableApp { app, world in
            // given a signed scope whose text the attacker wants changed
            try await world.decideEverything()
            let sql = app.db as! any SQLDatabase
            // when they edit the text, recompute its content hash and the whole chain with plain SHA-256
            try await AuditTamper.dropGuards(sql)
            try await sql.raw("UPDATE scope_versions SET goals = '[\"Everything, for free\"]' WHERE number = 1").run()
            let version = try #require(try await ScopeVersionRecord.query(on: app.db).filter(\.$number == 1).first())
            try await AuditTamper.rewriteUnkeyed(sql, entries: try await AuditLog.entries(on: app.db)) { entry in
                entry.objectID == version.id ? AuditChain.contentHash(version.auditContent(files: [])) : entry.contentHash
            }
            // then
            let (code, report) = try await TandemCommand.auditVerify(app)
            #expect(code == 2)
            #expect(report.contains("entry 1: hash does not match (keyed with another key, or edited)"))
        }
    }

    @Test func cuttingTheNewestEntryFailsAgainstTheCheckpoint() async throws {
        try await withTamperableApp { app, world in
            // given
            try await world.decideEverything()
            let sql = app.db as! any SQLDatabase
            // when
            try await AuditTamper.dropGuards(sql)
            try await sql.raw("DELETE FROM audit_entries WHERE seq = 3").run()
            // then
            let (code, report) = try await TandemCommand.auditVerify(app)
            #expect(code == 2)
            #expect(report.contains("chain ends at 2 but the checkpoint says 3: entries were removed"))
            #expect(try await app.verifyAuditLog().firstBadSeq == 3)
        }
    }

    @Test func editingASignedScopesTextNamesTheScopeVersionAndItsEntry() async throws {
        try await withTamperableApp { app, world in
            // given
            try await world.decideEverything()
            let sql = app.db as! any SQLDatabase
            let version = try #require(try await ScopeVersionRecord.query(on: app.db).filter(\.$number == 1).first())
            // when the text is changed behind the trigger's back
            try await AuditTamper.dropGuards(sql)
            try await sql.raw("UPDATE scope_versions SET in_scope = '[\"Shop\",\"App\",\"Free support forever\"]' WHERE number = 1").run()
            // then
            let (code, report) = try await TandemCommand.auditVerify(app)
            #expect(code == 2)
            #expect(report.contains("scope_version \(version.id!.uuidString.lowercased()) (entry 1): content differs from what was signed"))
        }
    }

    @Test func editingAnAcceptedDeliverableNamesIt() async throws {
        try await withTamperableApp { app, world in
            try await world.decideEverything()
            let sql = app.db as! any SQLDatabase
            try await AuditTamper.dropGuards(sql)
            try await sql.raw("UPDATE deliverables SET link = 'https://files.test/other' WHERE id = \(bind: world.accepted)").run()
            let report = try await TandemCommand.auditVerify(app).report
            #expect(report.contains("deliverable \(world.accepted.uuidString.lowercased()) (entry 2): content differs from what was decided"))
        }
    }

    @Test func editingAReturnedDeliverableWhileItIsStillReturnedIsCaught() async throws {
        try await withTamperableApp { app, world in
            try await world.decideEverything()
            // returned deliverables have no trigger (they are resubmitted by design), so this needs no dropped guard
            try await (app.db as! any SQLDatabase).raw("UPDATE deliverables SET decision_comment = 'Looks great' WHERE id = \(bind: world.returned)")
                .run()
            let report = try await TandemCommand.auditVerify(app).report
            #expect(report.contains("deliverable \(world.returned.uuidString.lowercased()) (entry 3): content differs from what was decided"))
        }
    }

    @Test func aSignOffWrittenStraightIntoTheTableIsUnrecorded() async throws {
        try await withTamperableApp { app, world in
            // given a proposed version nobody signed
            _ = try await world.world.client.json(
                .POST, "/api/v1/projects/\(world.world.projectA)/scope-versions", token: world.world.ownerToken,
                body: ["goals": ["Launch"], "inScope": ["Shop"], "outOfScope": [String]()])
            let contact = try #require(world.world.ids[.approverA])
            // when someone marks it signed in the database
            let version = try #require(try await ScopeVersionRecord.query(on: app.db).filter(\.$number == 2).first())
            version.status = .signedOff
            version.signedOffBy = contact
            version.signedOffAt = Date()
            try await version.update(on: app.db)
            // then
            let report = try await TandemCommand.auditVerify(app).report
            #expect(report.contains("scope_version \(version.id!.uuidString.lowercased()): shows a decision that no audit entry records"))
        }
    }

    @Test func anEditedCheckpointFailsAndAMissingOneIsOnlyAWarning() async throws {
        try await withTamperableApp { app, world in
            try await world.decideEverything()
            let path = app.tandem.auditCheckpoint.path
            let text = try String(contentsOfFile: path, encoding: .utf8)
            // when the seq is moved back by hand
            try text.replacingOccurrences(of: " 3 ", with: " 2 ").write(toFile: path, atomically: true, encoding: .utf8)
            #expect(try await TandemCommand.auditVerify(app).report.contains("its seal does not match"))
            // when it is gone altogether
            try FileManager.default.removeItem(atPath: path)
            let (code, report) = try await TandemCommand.auditVerify(app)
            #expect(code == 0)
            #expect(report.contains("warning: no checkpoint outside the database"))
        }
    }

    @Test func theDatabaseRefusesChangesToWhatWasDecided() async throws {
        try await withTamperableApp { app, world in
            try await world.decideEverything()
            let sql = app.db as! any SQLDatabase
            let refused = [
                "UPDATE scope_versions SET goals = '[\"x\"]' WHERE number = 1",
                "UPDATE scope_versions SET sign_off_comment = 'no' WHERE number = 1",
                "UPDATE scope_versions SET status = 'proposed' WHERE number = 1",
                "DELETE FROM scope_versions WHERE number = 1",
                "UPDATE deliverables SET name = 'x' WHERE status = 'accepted'",
                "DELETE FROM deliverables WHERE status = 'accepted'",
                "UPDATE audit_entries SET actor = 'x'",
                "DELETE FROM audit_entries",
            ]
            for statement in refused {
                await #expect(throws: (any Error).self, "\(statement)") { try await sql.raw(SQLQueryString(statement)).run() }
            }
            #expect(try await TandemCommand.auditVerify(app).code == 0)
        }
    }

    @Test func aNewerSignOffMayStillSupersedeASignedVersion() async throws {
        try await withTamperableApp { app, world in
            try await world.decideEverything()
            let client = world.world.client
            let project = world.world.projectA
            _ = try await client.json(
                .POST, "/api/v1/projects/\(project)/scope-versions", token: world.world.ownerToken,
                body: ["goals": ["Launch"], "inScope": ["Shop", "App"], "outOfScope": [String]()])
            let approver = try #require(try await world.world.token(.approverA))
            #expect(try await client.json(.POST, "/api/v1/projects/\(project)/scope-versions/2/sign-off", token: approver).status == .ok)
            let statuses = try await ScopeVersionRecord.query(on: app.db).sort(\.$number).all().map(\.status.rawValue)
            #expect(statuses == ["superseded", "signed_off"])
            #expect(try await TandemCommand.auditVerify(app).code == 0)
        }
    }

    @Test func aReturnedDeliverableMayBeResubmittedAndStillVerifies() async throws {
        try await withTamperableApp { app, world in
            try await world.decideEverything()
            let reply = try await world.world.client.json(
                .POST, "/api/v1/deliverables/\(world.returned)/submit", token: world.world.ownerToken,
                body: ["link": "https://files.test/v2"])
            #expect(reply.string("status") == "submitted")
            #expect(try await TandemCommand.auditVerify(app).code == 0)
        }
    }
}

/// A world where scope version 1 of project A was signed off (entry 1), its visible deliverable accepted (entry 2)
/// and a second deliverable returned (entry 3).
struct DecidedWorld {
    var world: World
    var accepted: UUID { world.visibleDeliverable }
    var returned: UUID

    func decideEverything() async throws {
        let approver = try #require(try await world.token(.approverA))
        let client = world.client
        #expect(
            try await client.json(
                .POST, "/api/v1/projects/\(world.projectA)/scope-versions/1/sign-off", token: approver,
                body: ["comment": "同意"]
            ).status == .ok)
        #expect(try await client.json(.POST, "/api/v1/deliverables/\(accepted)/accept", token: approver, body: [:]).status == .ok)
        #expect(
            try await client.json(
                .POST, "/api/v1/deliverables/\(returned)/return", token: approver,
                body: ["comment": "颜色太暗"]
            ).status == .ok)
    }
}

/// An app on a real SQLite file (or a PostgreSQL schema) with a world and a second submitted deliverable.
func withTamperableApp(_ body: (Application, DecidedWorld) async throws -> Void) async throws {
    let file = NSTemporaryDirectory() + "tandem-tamper-\(UUID().uuidString).sqlite"
    defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) } }
    try await withTestApp(sqliteFile: file) { app, _ in
        let world = try await World.make(app)
        let created = try await world.client.json(
            .POST, "/api/v1/milestones/\(world.visibleMilestone)/deliverables", token: world.ownerToken,
            body: ["name": "Logo", "acceptanceCriteria": "Two colour variants"])
        let id = try #require(created.string("id").flatMap(UUID.init(uuidString:)))
        #expect(
            try await world.client.json(
                .POST, "/api/v1/deliverables/\(id)/submit", token: world.ownerToken,
                body: ["link": "https://files.test/logo"]
            ).status == .ok)
        try await body(app, DecidedWorld(world: world, returned: id))
    }
}

/// What an attacker with database access does.
enum AuditTamper {
    /// Drops every trigger that guards the log and the decided records.
    static func dropGuards(_ sql: any SQLDatabase) async throws {
        let statements =
            sql.dialect.name == "sqlite"
            ? [
                "audit_entries_no_update", "audit_entries_no_delete", "scope_versions_signed_no_update", "scope_versions_signed_no_delete",
                "deliverables_accepted_no_update", "deliverables_accepted_no_delete", "files_no_update", "files_decided_no_insert",
                "files_decided_no_delete",
            ].map { "DROP TRIGGER \($0)" }
            : [
                "DROP TRIGGER audit_entries_append_only ON audit_entries",
                "DROP TRIGGER scope_versions_signed_immutable ON scope_versions",
                "DROP TRIGGER deliverables_accepted_immutable ON deliverables",
                "DROP TRIGGER files_guarded ON files",
            ]
        for statement in statements { try await sql.raw(SQLQueryString(statement)).run() }
    }

    /// Writes `entries` back as a chain that links up under plain SHA-256, with content hashes from `contentHash`.
    static func rewriteUnkeyed(_ sql: any SQLDatabase, entries: [AuditEntry], contentHash: (AuditEntry) -> String) async throws {
        var previous = AuditChain.genesisHash
        for var entry in entries {
            entry.contentHash = contentHash(entry)
            entry.prevHash = previous
            entry.hash = AuditChain.entryHash(
                seq: entry.seq, at: entry.at, actor: entry.actor, action: entry.action, objectType: entry.objectType,
                objectID: entry.objectID, contentHash: entry.contentHash, prevHash: previous, scheme: .unkeyed)
            previous = entry.hash
            try await sql.update("audit_entries").set("content_hash", to: SQLBind(entry.contentHash)).set("prev_hash", to: SQLBind(entry.prevHash))
                .set("hash", to: SQLBind(entry.hash)).where("seq", .equal, SQLBind(entry.seq)).run()
        }
    }
}
