import Fluent

struct CreateAccounts: AsyncMigration {
    var name: String { "0001_CreateAccounts" }

    func prepare(on database: any Database) async throws {
        try await database.schema("workspaces")
            .id()
            .field("name", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("members")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("name", .string, .required)
            .field("email", .string, .required)
            .field("role", .string, .required)
            .field("language", .string, .required)
            .field("password_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "email")
            .create()
        try await database.schema("credentials")
            .id()
            .field("kind", .string, .required)
            .field("token_hash", .string, .required)
            .field("member_id", .uuid, .references("members", "id", onDelete: .cascade))
            .field("contact_id", .uuid)
            .field("csrf_token", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
        try await database.schema("sign_in_attempts")
            .id()
            .field("key", .string, .required)
            .field("at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        for table in ["sign_in_attempts", "credentials", "members", "workspaces"] {
            try await database.schema(table).delete()
        }
    }
}
