import Fluent
import Foundation
import Persistence
import SQLKit
import Vapor

/// A consistent copy of the SQLite database, safe while the server is running (`VACUUM INTO`).
enum Backup {
    static func write(to path: String, app: Application, config: AppConfig) async throws {
        guard case .sqliteFile = config.database, let sql = app.db as? any SQLDatabase else {
            throw AppConfig.Invalid(description: "on PostgreSQL, back up with pg_dump (see README)")
        }
        guard !FileManager.default.fileExists(atPath: path) else {
            throw AppConfig.Invalid(description: "\(path) exists already; choose a new file")
        }
        try await sql.raw("VACUUM INTO \(bind: path)").run()
    }
}
