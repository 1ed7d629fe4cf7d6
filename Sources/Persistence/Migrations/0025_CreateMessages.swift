import Fluent

/// The messages of each project's thread; the author's name is kept as written.
struct CreateMessages: AsyncMigration {
    var name: String { "0025_CreateMessages" }

    func prepare(on database: any Database) async throws {
        try await database.schema("messages")
            .id()
            .field("project_id", .uuid, .required, .references("projects", "id", onDelete: .cascade))
            .field("body", .string, .required)
            .field("visibility", .string, .required)
            .field("author_kind", .string, .required)
            .field("author_id", .uuid, .required)
            .field("author_name", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("messages").delete()
    }
}
