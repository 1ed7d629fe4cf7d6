import Domain
import Fluent
import Foundation
import SQLKit

/// Appends to and replays the hash-chained audit log.
public enum AuditLog {
    /// Appends one entry inside the caller's transaction, so the audit entry and the change it records
    /// commit or fail together.
    @discardableResult
    public static func append(on db: any Database, at: Date, actor: String, action: String, objectType: String,
                              objectID: UUID, projectID: UUID?, content: [(String, String)]) async throws -> AuditEntry {
        if let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" {
            // Serialises appenders across instances: the chain must not fork.
            try await sql.raw("SELECT pg_advisory_xact_lock(74012026)").run()
        }
        let last = try await AuditEntryRecord.query(on: db).sort(\.$seq, .descending).first()
        let entry = AuditChain.next(after: last?.domain, at: at, actor: actor, action: action, objectType: objectType,
                                    objectID: objectID, projectID: projectID, contentHash: AuditChain.contentHash(content))
        let record = AuditEntryRecord()
        record.seq = entry.seq
        record.at = entry.at
        record.actor = entry.actor
        record.action = entry.action
        record.objectType = entry.objectType
        record.objectID = entry.objectID
        record.projectID = entry.projectID
        record.contentHash = entry.contentHash
        record.prevHash = entry.prevHash
        record.hash = entry.hash
        try await record.create(on: db)
        return entry
    }

    public static func verify(on db: any Database) async throws -> AuditChain.Verification {
        let entries = try await AuditEntryRecord.query(on: db).sort(\.$seq).all().map(\.domain)
        return AuditChain.verify(entries)
    }
}
