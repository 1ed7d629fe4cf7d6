import Domain
import Fluent
import Foundation
import SQLKit

/// Loads a project's plan (work items with their dependencies, milestones) as Domain values.
///
/// Work items are read with SQLKit straight into Domain values: Fluent builds every model through
/// reflection, which made a 2,000-item plan cost ~100 ms to load; these reads are the hot path of the
/// project page, the portal, the charts and the work-item list.
public enum PlanStore {
    public static func workItems(projectID: UUID, on db: any Database) async throws -> [WorkItem] {
        let sql = try sqlDatabase(db)
        let rows = try await WorkItemRows.select(sql).where("project_id", .equal, SQLBind(projectID))
            .orderBy("created_at").orderBy("id").all()
        let edges = try await WorkItemRows.dependencies(sql, where: "project_id", equals: projectID)
        return try rows.map { try WorkItemRows.item($0, dependencies: edges[try $0.decode(column: "id", as: UUID.self)] ?? []) }
    }

    public static func dependencies(of itemID: UUID, on db: any Database) async throws -> [WorkItem.Dependency] {
        try await WorkItemRows.dependencies(try sqlDatabase(db), where: "work_item_id", equals: itemID)[itemID] ?? []
    }

    static func sqlDatabase(_ db: any Database) throws -> any SQLDatabase {
        guard let sql = db as? any SQLDatabase else { throw SQLOnly() }
        return sql
    }

    struct SQLOnly: Error {}

    public static func milestones(projectID: UUID, on db: any Database) async throws -> [Milestone] {
        try await MilestoneRecord.query(on: db).filter(\.$projectID == projectID)
            .sort(\.$dueDate).sort(\.$id).all().map { try $0.domain() }
    }

    /// Replaces the dependencies of one item (`isNew` skips clearing what a new item cannot have).
    public static func setDependencies(
        _ deps: [WorkItem.Dependency], of itemID: UUID, projectID: UUID, isNew: Bool = false,
        on db: any Database
    ) async throws {
        if !isNew { try await WorkItemDependencyRecord.query(on: db).filter(\.$workItemID == itemID).delete() }
        for dep in deps {
            try await WorkItemDependencyRecord(projectID: projectID, workItemID: itemID, dependsOnID: dep.predecessorID, lagDays: dep.lagDays)
                .create(on: db)
        }
    }
}

extension PlanStore {
    /// One page of a project's work items in their stable order, with the dependencies of just that page.
    public static func workItemPage(
        projectID: UUID, onlyCustomerVisible: Bool, offset: Int, limit: Int,
        on db: any Database
    ) async throws -> [WorkItem] {
        let sql = try sqlDatabase(db)
        var query = WorkItemRows.select(sql).where("project_id", .equal, SQLBind(projectID))
        if onlyCustomerVisible { query = query.where("visible_to_customer", .equal, SQLBind(true)) }
        let rows = try await query.orderBy("created_at").orderBy("id").limit(limit).offset(offset).all()
        guard !rows.isEmpty else { return [] }
        let ids = try rows.map { try $0.decode(column: "id", as: UUID.self) }
        let edges = try await WorkItemRows.dependencies(sql, whereItemIn: ids)
        return try zip(rows, ids).map { try WorkItemRows.item($0, dependencies: edges[$1] ?? []) }
    }
}

extension PlanStore {
    /// How many of `ids` are work items of the project.
    public static func countItems(_ ids: [UUID], projectID: UUID, on db: any Database) async throws -> Int {
        try await WorkItemRecord.query(on: db).filter(\.$id ~~ ids).filter(\.$projectID == projectID).count()
    }

    /// Which of `ids` are customer-visible work items.
    public static func customerVisibleItems(among ids: [UUID], on db: any Database) async throws -> Set<UUID> {
        guard !ids.isEmpty else { return [] }
        return Set(try await WorkItemRecord.query(on: db).filter(\.$id ~~ ids).filter(\.$visibleToCustomer == true).all().map { try $0.requireID() })
    }

    /// The project's customer-visible milestones.
    public static func customerVisibleMilestones(projectID: UUID, on db: any Database) async throws -> Set<UUID> {
        Set(
            try await MilestoneRecord.query(on: db).filter(\.$projectID == projectID).filter(\.$visibleToCustomer == true).all()
                .map { try $0.requireID() })
    }

    /// Every recorded progress change of the project, oldest first (the burn-up chart).
    public static func progressEvents(projectID: UUID, on db: any Database) async throws -> [ProgressEventRecord] {
        try await ProgressEventRecord.query(on: db).filter(\.$projectID == projectID).sort(\.$at).all()
    }

    /// The first deliverable of a milestone.
    public static func firstDeliverable(of milestoneID: UUID, on db: any Database) async throws -> DeliverableRecord? {
        try await DeliverableRecord.query(on: db).filter(\.$milestoneID == milestoneID).sort(\.$createdAt).first()
    }
}
