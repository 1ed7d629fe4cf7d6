import Fluent

struct CreateProjects: AsyncMigration {
    var name: String { "0003_CreateProjects" }

    func prepare(on database: any Database) async throws {
        try await database.schema("projects")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("customer_id", .uuid, .required, .references("customers", "id"))
            .field("name", .string, .required)
            .field("goals", .string, .required)
            .field("time_zone", .string, .required)
            .field("start_date", .string, .required)
            .field("currency", .string, .required)
            .field("budget_minor", .int64)
            .field("status", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("project_contacts")
            .id()
            .field("project_id", .uuid, .required, .references("projects", "id"))
            .field("contact_id", .uuid, .required, .references("contacts", "id"))
            .field("can_approve", .bool, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "project_id", "contact_id")
            .create()
        try await database.schema("access_links")
            .id()
            .field("kind", .string, .required)
            .field("token_hash", .string, .required)
            .field("contact_id", .uuid, .required, .references("contacts", "id"))
            .field("project_id", .uuid, .references("projects", "id"))
            .field("can_approve", .bool, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .field("created_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        for table in ["access_links", "project_contacts", "projects"] {
            try await database.schema(table).delete()
        }
    }
}
