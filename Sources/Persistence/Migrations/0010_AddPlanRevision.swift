import Fluent
import SQLKit

/// A counter bumped by every change to a project's plan, so a computed schedule can be reused
/// until the plan changes (and never after).
struct AddPlanRevision: AsyncMigration {
    var name: String { "0010_AddPlanRevision" }

    func prepare(on database: any Database) async throws {
        try await database.schema("projects")
            .field("plan_revision", .int64, .required, .sql(.default(0)))
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("projects").deleteField("plan_revision").update()
    }
}
