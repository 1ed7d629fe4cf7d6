import Fluent
import Foundation
import SQLKit

/// Takes the write lock of one row for the rest of the transaction, so a read-modify-write of it
/// cannot lose a concurrent change. On SQLite writers are already serialised (`WriteGate`), so there
/// it is a no-op; on PostgreSQL it is `SELECT … FOR UPDATE`.
public enum RowLock {
    public static func lock(_ table: String, id: UUID, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        try await sql.raw("SELECT id FROM \(ident: table) WHERE id = \(bind: id) FOR UPDATE").run()
    }
}
