import Fluent

/// A project's IM robots and webhooks; the URL and the secret are stored sealed (ChaCha20-Poly1305), the host in
/// clear for the lists. A removed integration keeps its row (`removed_at`) so the delivery log can still name it.
struct CreateIntegrations: AsyncMigration {
    var name: String { "0021_CreateIntegrations" }

    func prepare(on database: any Database) async throws {
        try await database.schema("integrations")
            .id()
            .field("workspace_id", .uuid, .required)
            .field("project_id", .uuid, .required, .references("projects", "id"))
            .field("kind", .string, .required)
            .field("audience", .string, .required)
            .field("host", .string, .required)
            .field("url_sealed", .string, .required)
            .field("secret_sealed", .string)
            .field("created_at", .datetime, .required)
            .field("removed_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("integrations").delete()
    }
}
