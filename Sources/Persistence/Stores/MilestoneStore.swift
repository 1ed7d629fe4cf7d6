import Domain
import Fluent
import Foundation

/// Milestones with their deliverables, as Domain values (the plan cache holds these, shared by requests).
public enum MilestoneStore {
    /// By due date; `onlyCustomerVisible` leaves out internal milestones (and so their deliverables).
    public static func details(projectID: UUID, onlyCustomerVisible: Bool, on db: any Database) async throws -> [MilestoneDetail] {
        var query = MilestoneRecord.query(on: db).filter(\.$projectID == projectID)
        if onlyCustomerVisible { query = query.filter(\.$visibleToCustomer == true) }
        let milestones = try await query.sort(\.$dueDate).sort(\.$id).all()
        let deliverables = try await DeliverableRecord.query(on: db).filter(\.$projectID == projectID).sort(\.$createdAt).all()
            .map { try $0.domain() }
        let grouped = Dictionary(grouping: deliverables, by: \.milestoneID)
        return try milestones.map { record in
            let milestone = try record.domain()
            return MilestoneDetail(milestone: milestone, deliverables: grouped[milestone.id] ?? [])
        }
    }
}
