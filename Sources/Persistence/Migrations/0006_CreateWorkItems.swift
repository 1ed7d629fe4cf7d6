import Fluent
import SQLKit

struct CreateWorkItems: AsyncMigration {
    var name: String { "0006_CreateWorkItems" }

    func prepare(on database: any Database) async throws {
        try await database.schema("work_items")
            .id()
            .field("project_id", .uuid, .required, .references("projects", "id"))
            .field("title", .string, .required)
            .field("start_date", .string, .required)
            .field("due_date", .string, .required)
            .field("estimate_hours", .double)
            .field("assignee_id", .uuid, .references("members", "id"))
            .field("milestone_id", .uuid, .references("milestones", "id"))
            .field("visible_to_customer", .bool, .required)
            .field("is_key", .bool, .required)
            .field("progress", .int, .required)
            .field("status", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("work_item_dependencies")
            .id()
            .field("project_id", .uuid, .required, .references("projects", "id"))
            .field("work_item_id", .uuid, .required, .references("work_items", "id", onDelete: .cascade))
            .field("depends_on_id", .uuid, .required, .references("work_items", "id", onDelete: .cascade))
            .field("lag_days", .int, .required)
            .unique(on: "work_item_id", "depends_on_id")
            .create()
        try await database.schema("progress_events")
            .id()
            .field("project_id", .uuid, .required, .references("projects", "id"))
            .field("work_item_id", .uuid, .required, .references("work_items", "id", onDelete: .cascade))
            .field("progress", .int, .required)
            .field("at", .datetime, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX work_items_project ON work_items (project_id, created_at, id)").run()
        try await sql.raw("CREATE INDEX work_item_dependencies_project ON work_item_dependencies (project_id)").run()
        try await sql.raw("CREATE INDEX milestones_project ON milestones (project_id)").run()
        try await sql.raw("CREATE INDEX deliverables_milestone ON deliverables (milestone_id)").run()
        try await sql.raw("CREATE INDEX progress_events_project ON progress_events (project_id, at)").run()
        try await sql.raw("CREATE INDEX sign_in_attempts_key ON sign_in_attempts (key, at)").run()
    }

    func revert(on database: any Database) async throws {
        for table in ["progress_events", "work_item_dependencies", "work_items"] {
            try await database.schema(table).delete()
        }
    }
}
