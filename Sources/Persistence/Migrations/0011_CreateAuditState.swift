import Fluent
import SQLKit

/// Records which hash the audit chain uses. A database that already has entries was written with the
/// unkeyed SHA-256 and is marked `sha256`, so the start re-keys it exactly once; a new one starts keyed.
///
/// Why a row and not "is there an `audit.rekeyed` entry": a chain that started keyed has no such entry either,
/// and telling the two apart by trying both hashes would be a guess. The row says it outright.
struct CreateAuditState: AsyncMigration {
    var name: String { "0011_CreateAuditState" }

    func prepare(on database: any Database) async throws {
        try await database.schema("audit_state")
            .field("id", .int, .identifier(auto: false))
            .field("scheme", .string, .required)
            .create()
        let sql = database as! any SQLDatabase
        let count =
            try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("audit_entries")
            .first()?.decode(column: "n", as: Int.self) ?? 0
        try await sql.insert(into: "audit_state").columns("id", "scheme")
            .values(SQLBind(1), SQLBind(count > 0 ? AuditState.Scheme.legacy.rawValue : AuditState.Scheme.keyed.rawValue)).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("audit_state").delete()
    }
}
