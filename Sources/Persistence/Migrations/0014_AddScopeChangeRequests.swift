import Fluent

/// An approving contact may send a proposed scope version back with a comment (status `changes_requested`):
/// who did, when, and what they asked for. The status column is plain text and 0012's trigger guards only
/// signed-off rows, so the new status needs no schema change; these columns record the request.
struct AddScopeChangeRequests: AsyncMigration {
    var name: String { "0014_AddScopeChangeRequests" }

    // One column per statement: SQLite's ALTER TABLE adds or drops a single column at a time.
    func prepare(on database: any Database) async throws {
        try await database.schema("scope_versions").field("changes_requested_by", .uuid, .references("contacts", "id")).update()
        try await database.schema("scope_versions").field("changes_requested_at", .datetime).update()
        try await database.schema("scope_versions").field("changes_requested_comment", .string).update()
    }

    func revert(on database: any Database) async throws {
        for column in ["changes_requested_comment", "changes_requested_at", "changes_requested_by"] {
            try await database.schema("scope_versions").deleteField(.string(column)).update()
        }
    }
}
