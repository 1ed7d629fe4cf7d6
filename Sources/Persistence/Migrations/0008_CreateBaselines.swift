import Fluent
import SQLKit

struct CreateBaselines: AsyncMigration {
    var name: String { "0008_CreateBaselines" }

    func prepare(on database: any Database) async throws {
        try await database.schema("baselines")
            .id()
            .field("project_id", .uuid, .required, .references("projects", "id"))
            .field("name", .string, .required)
            .field("end_date", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("baseline_entries")
            .id()
            .field("baseline_id", .uuid, .required, .references("baselines", "id", onDelete: .cascade))
            .field("object_id", .uuid, .required)
            .field("kind", .string, .required)
            .field("start_date", .string, .required)
            .field("finish_date", .string, .required)
            .unique(on: "baseline_id", "object_id")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX baselines_project ON baselines (project_id, created_at, id)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("baseline_entries").delete()
        try await database.schema("baselines").delete()
    }
}
