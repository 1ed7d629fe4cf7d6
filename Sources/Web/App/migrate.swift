import Domain
import Fluent
import Persistence
import Vapor

/// Brings the database up to date: the migrations, then what needs the migrated schema. `serve`, every other
/// command and the tests all start through here, so none of them can run on a chain that was not re-keyed.
public func migrate(_ app: Application) async throws {
    try await app.autoMigrate()
    let services = app.tandem
    try await refuseNewKeyForKeyedChain(app)
    if let rekeyed = try await AuditRekey.runIfNeeded(
        on: app.db, key: services.auditKey, checkpoint: services.auditCheckpoint,
        at: services.clock())
    {
        app.logger.notice("audit log re-keyed with HMAC-SHA256 (entry \(rekeyed.seq) records it)")
    }
    // A new install anchors its empty chain. Re-keying is refused next to a checkpoint, so a chain forged into the
    // database with the unkeyed hash (and audit_state set back to unkeyed) can never be laundered into a keyed one.
    if services.auditCheckpoint.read() == .missing, try await AuditLog.count(on: app.db) == 0 {
        try services.auditCheckpoint.advance(to: .genesis)
    }
}

/// A key file made at this start next to a chain that is already keyed means the old key file was lost: going on
/// would key new entries with a key the old ones do not verify under. Stop, and take the new file away again so the
/// next start notices too.
private func refuseNewKeyForKeyedChain(_ app: Application) async throws {
    guard let path = app.tandem.madeKeyFile, try await AuditState.scheme(on: app.db) == .keyed,
        try await AuditLog.count(on: app.db) > 0
    else { return }
    try? FileManager.default.removeItem(atPath: path)
    throw AppConfig.Invalid(
        description: """
            \(path) was missing, but the audit log holds entries keyed with the key it held: restore secret.key from \
            the backup (or set TANDEM_SECRET_KEY to it); with a new key no entry would verify
            """)
}

extension Application {
    /// Everything `audit verify` proves, under this app's key and checkpoint.
    public func verifyAuditLog() async throws -> AuditChain.Verification {
        try await AuditLog.verify(on: db, key: tandem.auditKey, checkpoint: tandem.auditCheckpoint)
    }
}
