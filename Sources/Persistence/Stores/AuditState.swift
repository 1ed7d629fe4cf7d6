import Fluent
import SQLKit

/// Which hash the stored audit chain uses (the single row of `audit_state`).
public enum AuditState {
    public enum Scheme: String, Sendable {
        /// Plain SHA-256, written before entry hashes were keyed; re-keyed once at start.
        case legacy = "sha256"
        case keyed = "hmac-sha256"
    }

    public static func scheme(on db: any Database) async throws -> Scheme {
        let sql = db as! any SQLDatabase
        let text = try await sql.select().column("scheme").from("audit_state").where("id", .equal, SQLBind(1))
            .first()?.decode(column: "scheme", as: String.self)
        guard let text, let scheme = Scheme(rawValue: text) else {
            throw AuditRekey.Refused(description: "audit_state holds no known hash scheme ('\(text ?? "no row")'): the database was changed by hand")
        }
        return scheme
    }

    static func markKeyed(on db: any Database) async throws {
        try await (db as! any SQLDatabase).update("audit_state").set("scheme", to: SQLBind(Scheme.keyed.rawValue))
            .where("id", .equal, SQLBind(1)).run()
    }
}
