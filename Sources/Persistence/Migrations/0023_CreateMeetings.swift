import Fluent
import SQLKit

/// Meetings with their agenda and minutes (one row: a meeting has at most one set of minutes), and the minutes'
/// action items. `work_item_id` is deliberately not a foreign key: the team may delete the work item an action
/// item became, and the minutes still say what was agreed.
struct CreateMeetings: AsyncMigration {
    var name: String { "0023_CreateMeetings" }

    func prepare(on database: any Database) async throws {
        try await database.schema("meetings")
            .id()
            .field("project_id", .uuid, .required, .references("projects", "id"))
            .field("title", .string, .required)
            .field("starts_at", .datetime, .required)
            .field("duration_minutes", .int, .required)
            .field("video_link", .string)
            .field("agenda_json", .string, .required)
            .field("visible_to_customer", .bool, .required)
            .field("created_at", .datetime, .required)
            .field("created_by", .string, .required)
            .field("sequence", .int, .required)
            .field("cancelled_at", .datetime)
            .field("minutes_notes", .string)
            .field("minutes_decisions_json", .string)
            .field("minutes_status", .string)
            .field("minutes_written_at", .datetime)
            .field("minutes_confirmed_by", .uuid)
            .field("minutes_confirmed_at", .datetime)
            .create()
        try await database.schema("meeting_action_items")
            .id()
            .field("meeting_id", .uuid, .required, .references("meetings", "id"))
            .field("project_id", .uuid, .required, .references("projects", "id"))
            .field("position", .int, .required)
            .field("title", .string, .required)
            .field("owner", .string, .required)
            .field("due_date", .string, .required)
            .field("work_item_id", .uuid)
            .field("done_at", .datetime)
            .field("done_by", .string)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "meetings_project").on("meetings").column("project_id").column("starts_at").run()
        try await sql.create(index: "meeting_action_items_meeting").on("meeting_action_items").column("meeting_id").column("position").run()
        try await sql.create(index: "meeting_action_items_project").on("meeting_action_items").column("project_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("meeting_action_items").delete()
        try await database.schema("meetings").delete()
    }
}
