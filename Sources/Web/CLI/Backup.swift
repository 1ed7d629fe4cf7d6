import Fluent
import Foundation
import Persistence
import Vapor

/// A consistent copy of the SQLite database, safe while the server is running (`VACUUM INTO`), with the audit
/// checkpoint next to it as `PATH.audit-checkpoint` and the uploaded files as `PATH.files/`.
enum Backup {
    static func write(to path: String, app: Application, config: AppConfig) async throws {
        guard case .sqliteFile = config.database else {
            throw AppConfig.Invalid(description: "on PostgreSQL, back up with pg_dump (see README)")
        }
        let checkpointCopy = path + ".audit-checkpoint"
        let filesCopy = path + ".files"
        for file in [path, checkpointCopy, filesCopy] where FileManager.default.fileExists(atPath: file) {
            throw AppConfig.Invalid(description: "\(file) exists already; choose a new file")
        }
        // The checkpoint is copied first: it only moves forward, so taken before the database it can never run
        // ahead of the copy (taken after, a commit in between would make the restored copy look cut).
        let checkpoint = app.tandem.auditCheckpoint.path
        if FileManager.default.fileExists(atPath: checkpoint) {
            try FileManager.default.copyItem(atPath: checkpoint, toPath: checkpointCopy)
        }
        try await SQLiteBackup.copy(to: path, on: app.db)
        // The files are copied after the snapshot: a file is in place before its row commits, so every file the
        // copy names is there (later uploads only add files the copy does not name).
        try copyFiles(from: config.filesDirectory, to: filesCopy)
    }

    /// Copies every kept file (not the uploads still streaming in); files never change once written.
    static func copyFiles(from source: String, to target: String) throws {
        let manager = FileManager.default
        guard manager.fileExists(atPath: source) else { return }
        try manager.createDirectory(atPath: target, withIntermediateDirectories: true)
        for bucket in try manager.contentsOfDirectory(atPath: source) where bucket != "incoming" {
            let from = (source as NSString).appendingPathComponent(bucket)
            try manager.copyItem(atPath: from, toPath: (target as NSString).appendingPathComponent(bucket))
        }
    }
}
