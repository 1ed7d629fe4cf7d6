import Fluent

/// When each person (member or contact) last opened a project's history: what "since your last visit" counts from.
struct CreateProjectVisits: AsyncMigration {
    var name: String { "0016_CreateProjectVisits" }

    func prepare(on database: any Database) async throws {
        try await database.schema("project_visits")
            .id()
            .field("person_id", .uuid, .required)
            .field("project_id", .uuid, .required, .references("projects", "id", onDelete: .cascade))
            .field("visited_at", .datetime, .required)
            .unique(on: "person_id", "project_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("project_visits").delete()
    }
}
