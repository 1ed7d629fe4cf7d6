import Fluent

/// Secret calendar feeds (one per person, only the token's hash kept) and one optional attachment on an outbox row
/// (a meeting invitation's `.ics`).
struct CreateCalendarFeedsAndOutboxAttachment: AsyncMigration {
    var name: String { "0024_CreateCalendarFeedsAndOutboxAttachment" }

    func prepare(on database: any Database) async throws {
        try await database.schema("calendar_feeds")
            .id()
            .field("token_hash", .string, .required)
            .field("member_id", .uuid, .references("members", "id", onDelete: .cascade))
            .field("contact_id", .uuid, .references("contacts", "id", onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .unique(on: "token_hash")
            .unique(on: "member_id")
            .unique(on: "contact_id")
            .create()
        // One column per statement: SQLite's ALTER TABLE adds one at a time.
        try await database.schema("outbox").field("attachment_name", .string).update()
        try await database.schema("outbox").field("attachment_type", .string).update()
        try await database.schema("outbox").field("attachment_data", .data).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("outbox").deleteField("attachment_data").update()
        try await database.schema("outbox").deleteField("attachment_type").update()
        try await database.schema("outbox").deleteField("attachment_name").update()
        try await database.schema("calendar_feeds").delete()
    }
}
