import Fluent
import SQLKit

/// Members can be deactivated (`active`), and colleagues are invited by a single-use link. The contact
/// access-link table can't carry member invitations: its `contact_id` is required and references contacts.
struct CreateMemberAccess: AsyncMigration {
    var name: String { "0017_CreateMemberAccess" }

    func prepare(on database: any Database) async throws {
        try await database.schema("members")
            .field("active", .bool, .required, .sql(.default(true)))
            .update()
        try await database.schema("member_invitations")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("token_hash", .string, .required)
            .field("email", .string, .required)
            .field("role", .string, .required)
            .field("language", .string, .required)
            .field("invited_by", .uuid, .required, .references("members", "id"))
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .field("created_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("member_invitations").delete()
        try await database.schema("members").deleteField("active").update()
    }
}
