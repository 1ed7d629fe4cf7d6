import Fluent
import SQLKit

/// Browsers that signed in to an account before: they skip the per-address sign-in block, so nobody
/// can lock an owner out by failing sign-ins for their address. Also indexes the attempt counters,
/// which every sign-in and sign-in-link request now reads three times.
struct CreateKnownDevices: AsyncMigration {
    var name: String { "0013_CreateKnownDevices" }

    func prepare(on database: any Database) async throws {
        try await database.schema("known_devices")
            .id()
            .field("token_hash", .string, .required)
            .field("member_id", .uuid, .required, .references("members", "id", onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .unique(on: "token_hash", "member_id")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "sign_in_attempts_key_at").on("sign_in_attempts").column("key").column("at").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(index: "sign_in_attempts_key_at").run()
        try await database.schema("known_devices").delete()
    }
}
