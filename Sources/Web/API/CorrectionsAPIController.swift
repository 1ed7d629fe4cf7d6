import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// Editing and removing customers, contacts, milestones, deliverables and work items.
struct CorrectionsAPIController {
    func register(_ api: any RoutesBuilder) {
        api.endpoint(.PATCH, "customers", ":customerID", rule: .manager, surface: .api, use: updateCustomer)
        api.endpoint(.PATCH, "contacts", ":contactID", rule: .manager, surface: .api, use: updateContact)
        api.endpoint(.DELETE, "contacts", ":contactID", rule: .manager, surface: .api, use: removeContact)
        api.endpoint(.PATCH, "milestones", ":milestoneID", rule: .projectTeam, surface: .api, use: updateMilestone)
        api.endpoint(.DELETE, "milestones", ":milestoneID", rule: .projectTeam, surface: .api, use: removeMilestone)
        api.endpoint(.PATCH, "deliverables", ":deliverableID", rule: .projectTeam, surface: .api, use: updateDeliverable)
        api.endpoint(.DELETE, "deliverables", ":deliverableID", rule: .projectTeam, surface: .api, use: removeDeliverable)
        api.endpoint(.DELETE, "work-items", ":workItemID", rule: .projectTeam, surface: .api, use: removeWorkItem)
    }

    /// → the customer (without contacts and projects, as in the list).
    @Sendable func updateCustomer(req: Request) async throws -> Response {
        let customer = try await req.authorizedCustomer()
        let input = try JSON.decode(UpdateCustomerRequest.self, from: req)
        let updated = try await ContactActions.updateCustomer(customer, with: input, clearing: JSON.nullKeys(from: req), in: req.context)
        return JSON.response(try CustomerResponse(updated))
    }

    @Sendable func updateContact(req: Request) async throws -> Response {
        let contact = try await ContactActions.contact(req.uuidParameter("contactID"), in: req.context)
        let input = try JSON.decode(UpdateContactRequest.self, from: req)
        let updated = try await ContactActions.updateContact(contact, with: input, clearing: JSON.nullKeys(from: req), in: req.context)
        return JSON.response(try ContactResponse(updated))
    }

    /// 204 when the contact was deleted; 200 with the contact (`active: false`) when they were kept for the record.
    @Sendable func removeContact(req: Request) async throws -> Response {
        let contact = try await ContactActions.contact(req.uuidParameter("contactID"), in: req.context)
        switch try await ContactActions.remove(contact, in: req.context) {
        case .deleted: return Response(status: .noContent)
        case .deactivated(let kept): return JSON.response(try ContactResponse(kept))
        }
    }

    @Sendable func updateMilestone(req: Request) async throws -> Response {
        let milestone = try await req.authorizedMilestone()
        let input = try JSON.decode(UpdateMilestoneRequest.self, from: req)
        let updated = try await MilestoneCorrections.update(milestone, with: input, clearing: JSON.nullKeys(from: req), in: req.context)
        return JSON.response(try await Self.milestoneResponse(updated, on: req.db))
    }

    @Sendable func removeMilestone(req: Request) async throws -> Response {
        try await MilestoneCorrections.remove(req.authorizedMilestone(), in: req.context)
        return Response(status: .noContent)
    }

    @Sendable func updateDeliverable(req: Request) async throws -> Response {
        let (deliverable, _) = try await req.authorizedDeliverable()
        let input = try JSON.decode(UpdateDeliverableRequest.self, from: req)
        let updated = try await MilestoneCorrections.updateDeliverable(
            deliverable, with: input, clearing: JSON.nullKeys(from: req), in: req.context)
        return JSON.response(try await MilestoneActions.response(try updated.domain(), on: req.db))
    }

    @Sendable func removeDeliverable(req: Request) async throws -> Response {
        let (deliverable, _) = try await req.authorizedDeliverable()
        try await MilestoneCorrections.removeDeliverable(deliverable, in: req.context)
        return Response(status: .noContent)
    }

    @Sendable func removeWorkItem(req: Request) async throws -> Response {
        try await WorkItemActions.remove(req.authorizedWorkItem(), in: req.context)
        return Response(status: .noContent)
    }

    /// The milestone with its deliverables, as the list answers it.
    static func milestoneResponse(_ record: MilestoneRecord, on db: any Database) async throws -> MilestoneResponse {
        let milestone = try record.domain()
        let details = try await MilestoneStore.details(projectID: record.projectID, onlyCustomerVisible: false, on: db)
        var rendered: [DeliverableResponse] = []
        for deliverable in details.first(where: { $0.milestone.id == milestone.id })?.deliverables ?? [] {
            rendered.append(try await MilestoneActions.response(deliverable, on: db))
        }
        return MilestoneResponse(milestone, deliverables: rendered)
    }
}
