import Fluent
import Foundation
import Persistence
import Vapor

/// A consistent copy of the SQLite database, safe while the server is running (`VACUUM INTO`), with the audit
/// checkpoint next to it as `PATH.audit-checkpoint`.
enum Backup {
    static func write(to path: String, app: Application, config: AppConfig) async throws {
        guard case .sqliteFile = config.database else {
            throw AppConfig.Invalid(description: "on PostgreSQL, back up with pg_dump (see README)")
        }
        let checkpointCopy = path + ".audit-checkpoint"
        for file in [path, checkpointCopy] where FileManager.default.fileExists(atPath: file) {
            throw AppConfig.Invalid(description: "\(file) exists already; choose a new file")
        }
        // The checkpoint is copied first: it only moves forward, so taken before the database it can never run
        // ahead of the copy (taken after, a commit in between would make the restored copy look cut).
        let checkpoint = app.tandem.auditCheckpoint.path
        if FileManager.default.fileExists(atPath: checkpoint) {
            try FileManager.default.copyItem(atPath: checkpoint, toPath: checkpointCopy)
        }
        try await SQLiteBackup.copy(to: path, on: app.db)
    }
}
