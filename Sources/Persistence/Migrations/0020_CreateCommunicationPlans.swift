import Fluent

/// One communication plan per project: the report and meeting cadences, the reply target, the channels per topic,
/// and the last report occurrence the jobs have drafted for.
struct CreateCommunicationPlans: AsyncMigration {
    var name: String { "0020_CreateCommunicationPlans" }

    func prepare(on database: any Database) async throws {
        try await database.schema("communication_plans")
            .id()
            .field("project_id", .uuid, .required, .references("projects", "id", onDelete: .cascade))
            .field("report_every", .string, .required)
            .field("report_weekday", .int, .required)
            .field("report_time", .string, .required)
            .field("meeting_every", .string)
            .field("meeting_weekday", .int)
            .field("meeting_time", .string)
            .field("meeting_minutes", .int)
            .field("meeting_video_link", .string)
            .field("response_target_hours", .int, .required)
            .field("channels_json", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("report_drafted_for", .datetime)
            .field("meeting_scheduled_for", .datetime)
            .unique(on: "project_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("communication_plans").delete()
    }
}
