import Domain
import Fluent
import Foundation
import SQLKit

/// Moves a chain written with the unkeyed hash to keyed hashes, once, and records that in the chain itself.
public enum AuditRekey {
    /// Why the start stopped instead of re-keying.
    public struct Refused: Error, CustomStringConvertible {
        public var description: String
    }

    public static let action = "audit.rekeyed"

    /// Re-keys the chain if `audit_state` still marks it unkeyed; returns the `audit.rekeyed` entry, or nil when
    /// there was nothing to do.
    ///
    /// The old chain is verified first: re-keying a broken chain would launder the tampering into a chain that
    /// verifies, so a broken one is refused, naming the entry. A checkpoint next to a chain marked unkeyed is also
    /// refused: only keyed code writes checkpoints, so the mark was put back by hand.
    @discardableResult
    public static func runIfNeeded(on db: any Database, key: AuditKey, checkpoint: AuditCheckpointFile, at: Date) async throws -> AuditEntry? {
        guard try await AuditState.scheme(on: db) == .legacy else { return nil }
        guard checkpoint.read() == .missing else {
            throw Refused(
                description: """
                    the database marks the audit log as unkeyed, but the checkpoint \(checkpoint.path) shows it was keyed \
                    already: refusing to re-key (was audit_state or the chain rewritten?)
                    """)
        }
        let rekeyed = try await db.transaction { db -> AuditEntry? in
            let sql = db as! any SQLDatabase
            if sql.dialect.name == "postgresql" {
                // The appenders' lock: no entry is added while the chain is rewritten, and a second instance
                // starting at the same time waits and then finds the chain keyed.
                try await sql.raw("SELECT pg_advisory_xact_lock(74012026)").run()
            }
            guard try await AuditState.scheme(on: db) == .legacy else { return nil }
            let entries = try await AuditLog.entries(on: db)
            if let problem = AuditChain.verify(entries, scheme: .unkeyed).problem {
                throw Refused(
                    description: """
                        the unkeyed audit log does not verify: \(problem). Not re-keying it, so the tampering stays \
                        visible; restore the database from a backup or investigate before starting again
                        """)
            }
            try await withAppendOnlyLifted(sql) {
                for entry in AuditChain.rekeyed(entries, key: key) {
                    try await sql.update("audit_entries").set("prev_hash", to: SQLBind(entry.prevHash)).set("hash", to: SQLBind(entry.hash))
                        .where("seq", .equal, SQLBind(entry.seq)).run()
                }
            }
            try await AuditState.markKeyed(on: db)
            return try await AuditLog.append(
                on: db, key: key, at: at, actor: "system", action: action, objectType: "audit_log",
                objectID: UUID(uuidString: "00000000-0000-0000-0000-000000000000")!, projectID: nil,
                content: [
                    ("scheme", AuditState.Scheme.keyed.rawValue), ("entries", String(entries.count)),
                    ("unkeyedHead", entries.last?.hash ?? AuditChain.genesisHash),
                ])
        }
        if let rekeyed { try checkpoint.advance(to: AuditCheckpoint(seq: rekeyed.seq, hash: rekeyed.hash)) }
        return rekeyed
    }

    /// Runs `body` with the append-only UPDATE guard of 0007 off, inside the caller's transaction, so the guard is
    /// back before anything commits. SQLite cannot disable a trigger: it is dropped and created again with the
    /// same text as in 0007 (a shipped migration is never edited, so the text is repeated here).
    private static func withAppendOnlyLifted(_ sql: any SQLDatabase, _ body: () async throws -> Void) async throws {
        if sql.dialect.name == "sqlite" {
            try await sql.raw("DROP TRIGGER audit_entries_no_update").run()
            try await body()
            try await sql.raw(
                """
                CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries
                BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END
                """
            ).run()
        } else {
            try await sql.raw("ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only").run()
            try await body()
            try await sql.raw("ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_append_only").run()
        }
    }
}
