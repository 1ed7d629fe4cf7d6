import Fluent
import Foundation
import SQLKit

/// A consistent copy of a SQLite database while it is in use: `VACUUM INTO` reads one snapshot.
public enum SQLiteBackup {
    public static func copy(to path: String, on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.raw("VACUUM INTO \(bind: path)").run()
    }
}
