import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// Milestones, deliverables and work items.
struct PlanAPIController {
    func register(_ api: any RoutesBuilder) {
        api.endpoint(.POST, "projects", ":projectID", "milestones", rule: .projectTeam, surface: .api, use: createMilestone)
        api.endpoint(.GET, "projects", ":projectID", "milestones", rule: .projectView, surface: .api, use: milestones)
        api.endpoint(.POST, "milestones", ":milestoneID", "deliverables", rule: .projectTeam, surface: .api, use: createDeliverable)
        api.endpoint(.POST, "deliverables", ":deliverableID", "submit", rule: .projectTeam, surface: .api, use: submit)
        api.endpoint(.POST, "deliverables", ":deliverableID", "accept", rule: .projectApprove, surface: .api, use: accept)
        api.endpoint(.POST, "deliverables", ":deliverableID", "return", rule: .projectApprove, surface: .api, use: giveBack)
        api.endpoint(.POST, "projects", ":projectID", "work-items", rule: .projectTeam, surface: .api, use: createWorkItem)
        api.endpoint(.GET, "projects", ":projectID", "work-items", rule: .projectView, surface: .api, use: workItems)
        api.endpoint(.GET, "work-items", ":workItemID", rule: .projectView, surface: .api, use: workItem)
        api.endpoint(.PATCH, "work-items", ":workItemID", rule: .projectTeam, surface: .api, use: updateWorkItem)
    }

    @Sendable func createMilestone(req: Request) async throws -> Response {
        let project = try await req.authorizedProject()
        let milestone = try await MilestoneActions.create(
            JSON.decode(CreateMilestoneRequest.self, from: req), projectID: try project.requireID(), in: req.context)
        return JSON.response(MilestoneResponse(try milestone.domain(), deliverables: []), status: .created)
    }

    @Sendable func milestones(req: Request) async throws -> Response {
        let project = try await req.authorizedProject()
        let customerView = try await req.identity.contactID != nil
        let paging = try Paging(req)
        let details = try await MilestoneStore.details(projectID: try project.requireID(), onlyCustomerVisible: customerView, on: req.db)
        let (page, next) = paging.page(details)
        // A plan that cannot be scheduled (a cycle) has no forecast: its milestones answer forecastDate null.
        let outlooks =
            (try? await ProjectPlan.load(project, customerView: customerView, in: req.context))?.milestoneOutlooks(customerView: customerView) ?? [:]
        let files = try await FileStore.files(of: .deliverable, ownerIDs: page.flatMap { $0.deliverables.map(\.id) }, on: req.db)
        var items: [MilestoneResponse] = []
        for detail in page {
            var rendered: [DeliverableResponse] = []
            for deliverable in detail.deliverables {
                rendered.append(try await MilestoneActions.response(deliverable, files: files[deliverable.id] ?? [], on: req.db))
            }
            items.append(MilestoneResponse(detail.milestone, deliverables: rendered, outlook: outlooks[detail.milestone.id]))
        }
        return JSON.response(ListResponse(items: items, nextCursor: next))
    }

    @Sendable func createDeliverable(req: Request) async throws -> Response {
        let milestone = try await req.authorizedMilestone()
        let deliverable = try await MilestoneActions.createDeliverable(
            JSON.decode(CreateDeliverableRequest.self, from: req), milestone: milestone, in: req.context)
        return JSON.response(try await MilestoneActions.response(try deliverable.domain(), on: req.db), status: .created)
    }

    @Sendable func submit(req: Request) async throws -> Response {
        let (deliverable, _) = try await req.authorizedDeliverable()
        let updated = try await MilestoneActions.submit(deliverable, JSON.decode(SubmitDeliverableRequest.self, from: req), in: req.context)
        return JSON.response(try await MilestoneActions.response(try updated.domain(), on: req.db))
    }

    @Sendable func accept(req: Request) async throws -> Response {
        try await decide(req, .accept)
    }

    @Sendable func giveBack(req: Request) async throws -> Response {
        try await decide(req, .return)
    }

    private func decide(_ req: Request, _ action: DeliverableAction) async throws -> Response {
        let (deliverable, _) = try await req.authorizedDeliverable()
        let input = try JSON.decode(CommentRequest.self, from: req)
        let updated = try await MilestoneActions.decide(deliverable, action: action, comment: input.comment, in: req.context)
        return JSON.response(try await MilestoneActions.response(try updated.domain(), on: req.db))
    }

    @Sendable func createWorkItem(req: Request) async throws -> Response {
        let project = try await req.authorizedProject()
        let item = try await WorkItemActions.create(
            JSON.decode(CreateWorkItemRequest.self, from: req), projectID: try project.requireID(), in: req.context)
        return JSON.response(WorkItemResponse(item), status: .created)
    }

    /// One page of the project's work items, in creation order; a contact's list names only visible items and milestones.
    @Sendable func workItems(req: Request) async throws -> Response {
        let project = try await req.authorizedProject()
        let paging = try Paging(req)
        let customerView = try await req.identity.contactID != nil
        let page = try await workItemPage(req, project: project, customerView: customerView, paging: paging)
        return WorkItemResponse.list(
            page.items.prefix(paging.limit).map { WorkItemResponse($0, visibility: page.visibility) },
            nextCursor: paging.nextCursorIfFull(page.items.count)
        ).response()
    }

    /// From the plan already scheduled for this revision when there is one (no query, no decoding);
    /// otherwise one page straight from the database.
    private func workItemPage(
        _ req: Request, project: ProjectRecord, customerView: Bool,
        paging: Paging
    ) async throws -> (items: [WorkItem], visibility: CustomerVisibility?) {
        if let plan = try? await ProjectPlan.load(project, customerView: customerView, in: req.context) {
            let slice = Array(plan.items(customerView: customerView).dropFirst(paging.offset).prefix(paging.limit + 1))
            return (slice, customerView ? plan.customerVisibility : nil)
        }
        let page = try await PlanStore.workItemPage(
            projectID: try project.requireID(), onlyCustomerVisible: customerView,
            offset: paging.offset, limit: paging.limit + 1, on: req.db)
        guard customerView else { return (page, nil) }
        return (page, try await Self.visibility(of: page, projectID: try project.requireID(), on: req.db))
    }

    /// What a contact may see of the items and milestones that `items` refer to.
    private static func visibility(of items: [WorkItem], projectID: UUID, on db: any Database) async throws -> CustomerVisibility {
        let predecessorIDs = Array(Set(items.flatMap(\.dependsOn)))
        return CustomerVisibility(
            items: try await PlanStore.customerVisibleItems(among: predecessorIDs, on: db),
            milestones: try await PlanStore.customerVisibleMilestones(projectID: projectID, on: db))
    }

    @Sendable func workItem(req: Request) async throws -> Response {
        let record = try await req.authorizedWorkItem()
        let item = try record.domain(dependencies: try await PlanStore.dependencies(of: try record.requireID(), on: req.db))
        let visibility =
            try await req.identity.contactID != nil
            ? try await Self.visibility(of: [item], projectID: record.projectID, on: req.db) : nil
        return JSON.response(WorkItemResponse(item, visibility: visibility))
    }

    @Sendable func updateWorkItem(req: Request) async throws -> Response {
        let record = try await req.authorizedWorkItem()
        let item = try await WorkItemActions.update(
            record, with: JSON.decode(UpdateWorkItemRequest.self, from: req), clearing: JSON.nullKeys(from: req), in: req.context)
        return JSON.response(WorkItemResponse(item))
    }
}
