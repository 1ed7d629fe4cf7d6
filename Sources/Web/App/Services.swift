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
    /// The app's secret; each use derives its own key (`secretKey.derived("tandem <use> v1")`).
    var secretKey: SecretKey
    /// The key file this start made, if it made one.
    var madeKeyFile: String?
    var planCache = PlanCache()
    /// Delivers the outbox's e-mail; the SMTP client when `TANDEM_SMTP_HOST` is set.
    var mail: any MailTransport = UnconfiguredMailTransport()
    /// Posts the outbox's IM messages (`IMDelivery`); guards the addresses unless `TANDEM_WEBHOOK_ALLOW_PRIVATE`.
    var webhooks: any WebhookTransport = NIOWebhookTransport(allowPrivate: false)
    /// The sender of Tandem's e-mail (`From:`).
    var mailFrom = "Tandem <tandem@localhost>"
    /// Who this process is when it claims jobs and outbox rows (one per app start).
    var instanceID = "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"

    /// Whether e-mail can leave at all (pages say so when it cannot).
    var mailConfigured: Bool { !(mail is UnconfiguredMailTransport) }
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

    /// Runs `body` in one database transaction, for the few page handlers that write outside an action
    /// (sessions, the language choice).
    func write<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await Transactions.run(db: db, gate: tandem.writeGate, body)
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
