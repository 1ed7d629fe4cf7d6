import Fluent

struct CreateMilestones: AsyncMigration {
    var name: String { "0005_CreateMilestones" }

    func prepare(on database: any Database) async throws {
        try await database.schema("milestones")
            .id()
            .field("project_id", .uuid, .required, .references("projects", "id"))
            .field("name", .string, .required)
            .field("description", .string)
            .field("due_date", .string, .required)
            .field("visible_to_customer", .bool, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("deliverables")
            .id()
            .field("milestone_id", .uuid, .required, .references("milestones", "id"))
            .field("project_id", .uuid, .required, .references("projects", "id"))
            .field("name", .string, .required)
            .field("acceptance_criteria", .string)
            .field("status", .string, .required)
            .field("submission_note", .string)
            .field("link", .string)
            .field("decision_comment", .string)
            .field("decided_by", .uuid, .references("contacts", "id"))
            .field("decided_at", .datetime)
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("deliverables").delete()
        try await database.schema("milestones").delete()
    }
}
