import Fluent

struct CreateCustomers: AsyncMigration {
    var name: String { "0002_CreateCustomers" }

    func prepare(on database: any Database) async throws {
        try await database.schema("customers")
            .id()
            .field("workspace_id", .uuid, .required, .references("workspaces", "id"))
            .field("name", .string, .required)
            .field("language", .string, .required)
            .field("notes", .string)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("contacts")
            .id()
            .field("customer_id", .uuid, .required, .references("customers", "id"))
            .field("name", .string, .required)
            .field("email", .string, .required)
            .field("phone", .string)
            .field("language", .string, .required)
            .field("preferred_channel", .string)
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("contacts").delete()
        try await database.schema("customers").delete()
    }
}
