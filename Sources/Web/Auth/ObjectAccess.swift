import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// Loads the object a route is about and decides the route's rule against it, so a hidden
/// object answers 404 exactly as a missing one does.
extension Request {
    func authorize(projectID: UUID, visibleToCustomer: Bool) async throws {
        guard let rule = routeRule else { throw DomainError.forbidden }
        let identity = try await identity
        try AccessCheck.require(
            AccessPolicy.decide(
                rule, for: identity.principal,
                on: AccessTarget(projectID: projectID, visibleToCustomer: visibleToCustomer)))
    }

    func uuidParameter(_ name: String) throws -> UUID {
        guard let text = parameters.get(name), let id = UUID(uuidString: text) else { throw DomainError.notFound }
        return id
    }

    func authorizedProject(_ parameter: String = "projectID") async throws -> ProjectRecord {
        guard let project = try await ProjectRecord.find(try uuidParameter(parameter), on: db) else { throw DomainError.notFound }
        try await authorize(projectID: try project.requireID(), visibleToCustomer: true)
        return project
    }

    /// A customer of the member's own workspace (`CustomerActions.customer` holds the rule).
    func authorizedCustomer(_ parameter: String = "customerID") async throws -> CustomerRecord {
        try await CustomerActions.customer(try uuidParameter(parameter), in: context)
    }

    func authorizedMilestone() async throws -> MilestoneRecord {
        guard let milestone = try await MilestoneRecord.find(try uuidParameter("milestoneID"), on: db) else { throw DomainError.notFound }
        try await authorize(projectID: milestone.projectID, visibleToCustomer: milestone.visibleToCustomer)
        return milestone
    }

    /// A deliverable inherits its milestone's visibility.
    func authorizedDeliverable() async throws -> (DeliverableRecord, MilestoneRecord) {
        guard let deliverable = try await DeliverableRecord.find(try uuidParameter("deliverableID"), on: db),
            let milestone = try await MilestoneRecord.find(deliverable.milestoneID, on: db)
        else { throw DomainError.notFound }
        try await authorize(projectID: deliverable.projectID, visibleToCustomer: milestone.visibleToCustomer)
        return (deliverable, milestone)
    }

    func authorizedWorkItem() async throws -> WorkItemRecord {
        guard let item = try await WorkItemRecord.find(try uuidParameter("workItemID"), on: db) else { throw DomainError.notFound }
        try await authorize(projectID: item.projectID, visibleToCustomer: item.visibleToCustomer)
        return item
    }
}
