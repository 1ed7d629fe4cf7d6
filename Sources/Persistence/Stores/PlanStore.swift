import Domain
import Fluent
import Foundation

/// Loads a project's plan (work items with their dependencies, milestones) as Domain values.
public enum PlanStore {
    public static func workItems(projectID: UUID, on db: any Database) async throws -> [WorkItem] {
        let records = try await WorkItemRecord.query(on: db).filter(\.$projectID == projectID)
            .sort(\.$createdAt).sort(\.$id).all()
        let edges = try await WorkItemDependencyRecord.query(on: db).filter(\.$projectID == projectID).all()
        var byItem: [UUID: [WorkItem.Dependency]] = [:]
        for edge in edges {
            byItem[edge.workItemID, default: []].append(.init(predecessorID: edge.dependsOnID, lagDays: edge.lagDays))
        }
        return records.map { $0.domain(dependencies: byItem[$0.id!] ?? []) }
    }

    public static func dependencies(of itemID: UUID, on db: any Database) async throws -> [WorkItem.Dependency] {
        try await WorkItemDependencyRecord.query(on: db).filter(\.$workItemID == itemID).all()
            .map { .init(predecessorID: $0.dependsOnID, lagDays: $0.lagDays) }
    }

    public static func milestones(projectID: UUID, on db: any Database) async throws -> [Milestone] {
        try await MilestoneRecord.query(on: db).filter(\.$projectID == projectID)
            .sort(\.$dueDate).sort(\.$id).all().map(\.domain)
    }

    /// Replaces the dependencies of one item.
    public static func setDependencies(_ deps: [WorkItem.Dependency], of itemID: UUID, projectID: UUID, on db: any Database) async throws {
        try await WorkItemDependencyRecord.query(on: db).filter(\.$workItemID == itemID).delete()
        for dep in deps {
            try await WorkItemDependencyRecord(projectID: projectID, workItemID: itemID, dependsOnID: dep.predecessorID, lagDays: dep.lagDays)
                .create(on: db)
        }
    }
}

extension PlanStore {
    /// One page of a project's work items in their stable order, with the dependencies of just that page.
    public static func workItemPage(projectID: UUID, onlyCustomerVisible: Bool, offset: Int, limit: Int,
                                    on db: any Database) async throws -> [WorkItem] {
        var query = WorkItemRecord.query(on: db).filter(\.$projectID == projectID)
        if onlyCustomerVisible { query = query.filter(\.$visibleToCustomer == true) }
        let records = try await query.sort(\.$createdAt).sort(\.$id).range(offset..<(offset + limit)).all()
        guard !records.isEmpty else { return [] }
        let edges = try await WorkItemDependencyRecord.query(on: db).filter(\.$workItemID ~~ records.map { $0.id! }).all()
        let byItem = Dictionary(grouping: edges, by: \.workItemID)
        return records.map { record in
            record.domain(dependencies: (byItem[record.id!] ?? []).map { .init(predecessorID: $0.dependsOnID, lagDays: $0.lagDays) })
        }
    }
}
