import Domain
import Foundation
import SQLKit

/// Maps `work_items` and `work_item_dependencies` rows to Domain values without Fluent models.
enum WorkItemRows {
    static let columns = [
        "id", "project_id", "title", "start_date", "due_date", "estimate_hours", "assignee_id", "milestone_id",
        "visible_to_customer", "is_key", "progress", "status",
    ]

    static func select(_ sql: any SQLDatabase) -> SQLSelectBuilder {
        sql.select().columns(columns.map { SQLColumn($0) }).from("work_items")
    }

    static func item(_ row: any SQLRow, dependencies: [WorkItem.Dependency]) throws -> WorkItem {
        let id = try row.decode(column: "id", as: UUID.self)
        func date(_ column: String) throws -> LocalDate {
            try StoredValue.date(try row.decode(column: column, as: String.self), table: "work_items", id: id, column: column)
        }
        return WorkItem(
            id: id,
            projectID: try row.decode(column: "project_id", as: UUID.self),
            title: try row.decode(column: "title", as: String.self),
            startDate: try date("start_date"),
            dueDate: try date("due_date"),
            estimateHours: try row.decode(column: "estimate_hours", as: Double?.self),
            assigneeID: try row.decode(column: "assignee_id", as: UUID?.self),
            milestoneID: try row.decode(column: "milestone_id", as: UUID?.self),
            dependencies: dependencies,
            visibleToCustomer: try row.decode(column: "visible_to_customer", as: Bool.self),
            isKey: try row.decode(column: "is_key", as: Bool.self),
            progress: try row.decode(column: "progress", as: Int.self),
            status: try StoredValue.known(
                try row.decode(column: "status", as: String.self), as: WorkItemStatus.self,
                table: "work_items", id: id, column: "status"))
    }

    /// Dependencies grouped by the item that has them.
    static func dependencies(_ sql: any SQLDatabase, where column: String, equals id: UUID) async throws -> [UUID: [WorkItem.Dependency]] {
        try group(await dependencySelect(sql).where(SQLColumn(column), .equal, SQLBind(id)).all())
    }

    static func dependencies(_ sql: any SQLDatabase, whereItemIn ids: [UUID]) async throws -> [UUID: [WorkItem.Dependency]] {
        try group(await dependencySelect(sql).where("work_item_id", .in, SQLBind.group(ids)).all())
    }

    private static func dependencySelect(_ sql: any SQLDatabase) -> SQLSelectBuilder {
        sql.select().columns("work_item_id", "depends_on_id", "lag_days").from("work_item_dependencies")
    }

    private static func group(_ rows: [any SQLRow]) throws -> [UUID: [WorkItem.Dependency]] {
        var byItem: [UUID: [WorkItem.Dependency]] = [:]
        for row in rows {
            byItem[try row.decode(column: "work_item_id", as: UUID.self), default: []]
                .append(
                    .init(
                        predecessorID: try row.decode(column: "depends_on_id", as: UUID.self),
                        lagDays: try row.decode(column: "lag_days", as: Int.self)))
        }
        return byItem
    }
}
