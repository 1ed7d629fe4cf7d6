import Fluent

/// Scheduled jobs (one row per kind and key, claimed with a lease) and the outbox of messages to deliver.
struct CreateJobsAndOutbox: AsyncMigration {
    var name: String { "0019_CreateJobsAndOutbox" }

    func prepare(on database: any Database) async throws {
        try await database.schema("jobs")
            .id()
            .field("kind", .string, .required)
            .field("key", .string, .required)
            .field("due_at", .datetime, .required)
            .field("claimed_by", .string)
            .field("claimed_until", .datetime)
            .field("attempts", .int, .required)
            .field("last_error", .string)
            .field("last_run_at", .datetime)
            .unique(on: "kind", "key")
            .create()
        try await database.schema("outbox")
            .id()
            .field("workspace_id", .uuid, .required)
            .field("project_id", .uuid)
            .field("channel", .string, .required)
            .field("recipient", .string, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("html_body", .string)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("claimed_by", .string)
            .field("claimed_until", .datetime)
            .field("last_error", .string)
            .field("created_at", .datetime, .required)
            .field("sent_at", .datetime)
            .field("idempotency_key", .string, .required)
            .unique(on: "idempotency_key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("outbox").delete()
        try await database.schema("jobs").delete()
    }
}
