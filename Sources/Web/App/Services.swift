import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// What the running app was configured with; one value, set once by `configure`.
struct TandemServices: Sendable {
    var config: AppConfig
    var clock: @Sendable () -> Date
    /// Serialises write transactions on SQLite; nil on PostgreSQL.
    var writeGate: WriteGate?
    var catalogue: Catalogue
    var dummyPasswordHash: DummyPasswordHash
    /// Derived from the app's secret; the database never holds it.
    var auditKey: AuditKey
    /// The head of the audit chain, kept in the data directory.
    var auditCheckpoint: AuditCheckpointFile
    /// The key file this start made, if it made one.
    var madeKeyFile: String?
    var planCache = PlanCache()
}

private struct ServicesKey: StorageKey {
    typealias Value = TandemServices
}

extension Application {
    var tandem: TandemServices {
        get {
            guard let tandem = storage[ServicesKey.self] else { fatalError("configure(_:_:) was not called") }
            return tandem
        }
        set { storage[ServicesKey.self] = newValue }
    }
}

extension Request {
    var tandem: TandemServices { application.tandem }
    var now: Date { tandem.clock() }

    /// Runs `body` in one database transaction: all of it is written, or none of it.
    func write<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await Self.write(db: db, gate: tandem.writeGate, body)
    }

    /// `write` for anything that changes a project's plan: bumps its revision in the same transaction,
    /// so no instance reuses a schedule computed before the change.
    func writePlan<T: Sendable>(projectID: UUID, _ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await write { db in
            let result = try await body(db)
            try await PlanRevision.bump(projectID, on: db)
            return result
        }
    }

    /// `write` for changes the audit log records: `body` appends through the given appender (the only way to append
    /// in the app), and once the transaction has committed the checkpoint outside the database moves to the new head,
    /// so a later cut of the chain's tail shows. `planOf` bumps that project's plan revision, as `writePlan` does.
    func writeAudited<T: Sendable>(planOf projectID: UUID? = nil,
                                   _ body: @escaping @Sendable (any Database, AuditAppender) async throws -> T) async throws -> T {
        let audit = AuditAppender(key: tandem.auditKey)
        let result = try await write { db in
            let result = try await body(db, audit)
            if let projectID { try await PlanRevision.bump(projectID, on: db) }
            return result
        }
        if let head = audit.newest { await tandem.advanceCheckpoint(to: head, on: application.threadPool, logger: logger) }
        return result
    }

    static func write<T: Sendable>(db: any Database, gate: WriteGate?, _ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard let gate else { return try await db.transaction { try await body($0) } }
        return try await gate.run { try await db.transaction { try await body($0) } }
    }
}

extension TandemServices {
    /// After a commit the decision stands whatever happens to the file, so a failure is logged, not thrown:
    /// the next audited write moves the checkpoint on, and `audit verify` shows a checkpoint that lags or is broken.
    /// The file work (a lock that may wait for another instance, an fsync) runs on the thread pool, off the
    /// executor that serves requests.
    func advanceCheckpoint(to head: AuditEntry, on pool: NIOThreadPool, logger: Logger) async {
        let checkpoint = auditCheckpoint
        do {
            try await pool.runIfActive { try checkpoint.advance(to: AuditCheckpoint(seq: head.seq, hash: head.hash)) }
        } catch {
            logger.error("audit checkpoint not moved to entry \(head.seq): \(error)")
        }
    }
}
