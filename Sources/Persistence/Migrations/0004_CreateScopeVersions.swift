import Fluent

struct CreateScopeVersions: AsyncMigration {
    var name: String { "0004_CreateScopeVersions" }

    func prepare(on database: any Database) async throws {
        try await database.schema("scope_versions")
            .id()
            .field("project_id", .uuid, .required, .references("projects", "id"))
            .field("number", .int, .required)
            .field("goals", .string, .required)
            .field("in_scope", .string, .required)
            .field("out_of_scope", .string, .required)
            .field("notes", .string)
            .field("status", .string, .required)
            .field("created_at", .datetime, .required)
            .field("signed_off_by", .uuid, .references("contacts", "id"))
            .field("signed_off_at", .datetime)
            .field("sign_off_comment", .string)
            .unique(on: "project_id", "number")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("scope_versions").delete()
    }
}
