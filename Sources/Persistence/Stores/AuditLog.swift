import Domain
import Fluent
import Foundation
import SQLKit

/// Appends to and replays the hash-chained audit log.
public enum AuditLog {
    /// Appends one entry inside the caller's transaction, so the audit entry and the change it records
    /// commit or fail together. Callers in the app go through `AuditAppender`, which also moves the checkpoint.
    @discardableResult
    public static func append(
        on db: any Database, key: AuditKey, at: Date, actor: String, action: String, objectType: String,
        objectID: UUID, projectID: UUID?, content: [(String, String)]
    ) async throws -> AuditEntry {
        if let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" {
            // Serialises appenders across instances: the chain must not fork.
            try await sql.raw("SELECT pg_advisory_xact_lock(74012026)").run()
        }
        let last = try await AuditEntryRecord.query(on: db).sort(\.$seq, .descending).first()
        let entry = AuditChain.next(
            after: last?.domain, at: at, actor: actor, action: action, objectType: objectType,
            objectID: objectID, projectID: projectID, contentHash: AuditChain.contentHash(content), key: key)
        try await AuditEntryRecord(entry).create(on: db)
        return entry
    }

    /// Every entry, in order.
    public static func entries(on db: any Database) async throws -> [AuditEntry] {
        try await AuditEntryRecord.query(on: db).sort(\.$seq).all().map(\.domain)
    }

    /// Replays the chain under `key`, compares its head with the checkpoint and every vouched-for record with
    /// what was decided; names the first problem.
    public static func verify(on db: any Database, key: AuditKey, checkpoint: AuditCheckpointFile) async throws -> AuditChain.Verification {
        let entries = try await entries(on: db)
        let records = try await AuditedRecords.load(on: db)
        return AuditVerifier.verify(entries, key: key, records: records, checkpoint: checkpoint.read())
    }

    /// The hash of the newest entry for each of `objectIDs` that has one: the receipt a signer is shown.
    public static func receipts(for objectIDs: [UUID], on db: any Database) async throws -> [UUID: String] {
        guard !objectIDs.isEmpty else { return [:] }
        let entries = try await AuditEntryRecord.query(on: db).filter(\.$objectID ~~ objectIDs).sort(\.$seq).all()
        return Dictionary(entries.map { ($0.objectID, $0.hash) }, uniquingKeysWith: { _, newer in newer })
    }
}

extension AuditEntryRecord {
    public convenience init(_ entry: AuditEntry) {
        self.init()
        seq = entry.seq
        at = entry.at
        actor = entry.actor
        action = entry.action
        objectType = entry.objectType
        objectID = entry.objectID
        projectID = entry.projectID
        contentHash = entry.contentHash
        prevHash = entry.prevHash
        hash = entry.hash
    }
}

extension AuditLog {
    /// One page of a project's entries in chain order.
    public static func projectEntries(_ projectID: UUID, offset: Int, limit: Int, on db: any Database) async throws -> [AuditEntry] {
        try await AuditEntryRecord.query(on: db).filter(\.$projectID == projectID).sort(\.$seq)
            .range(offset..<(offset + limit)).all().map(\.domain)
    }

    public static func count(on db: any Database) async throws -> Int {
        try await AuditEntryRecord.query(on: db).count()
    }
}
