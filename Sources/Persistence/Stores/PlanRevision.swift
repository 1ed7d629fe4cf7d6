import Fluent
import Foundation
import SQLKit

/// The plan's revision counter: bumped in the same transaction as every change to the plan.
public enum PlanRevision {
    public static func bump(_ projectID: UUID, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.update("projects").set(SQLIdentifier("plan_revision"), to: SQLRaw("plan_revision + 1"))
            .where("id", .equal, SQLBind(projectID)).run()
    }
}
