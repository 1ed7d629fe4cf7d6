import Fluent
import SQLKit

/// A contact who signed or decided something is deactivated instead of deleted (their name stays on the record);
/// a closed project can be archived (out of the default lists, still readable).
struct AddContactActiveProjectArchived: AsyncMigration {
    var name: String { "0018_AddContactActiveProjectArchived" }

    func prepare(on database: any Database) async throws {
        try await database.schema("contacts").field("active", .bool, .required, .sql(.default(true))).update()
        try await database.schema("projects").field("archived", .bool, .required, .sql(.default(false))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("projects").deleteField("archived").update()
        try await database.schema("contacts").deleteField("active").update()
    }
}
