import Fluent

struct CreateProjectCalendars: AsyncMigration {
    var name: String { "0009_CreateProjectCalendars" }

    func prepare(on database: any Database) async throws {
        try await database.schema("project_calendar_dates")
            .id()
            .field("project_id", .uuid, .required, .references("projects", "id"))
            .field("date", .string, .required)
            .field("working", .bool, .required)
            .unique(on: "project_id", "date")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("project_calendar_dates").delete()
    }
}
