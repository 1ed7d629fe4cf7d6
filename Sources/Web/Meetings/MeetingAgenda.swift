import Domain
import Fluent
import Foundation
import Persistence

/// Gathers what is open on a project for `AgendaDraft`: the whole plan (the drafting leaves out what a
/// customer-visible meeting must not name), the scope versions, the open action items of earlier meetings.
enum MeetingAgenda {
    static func draft(project: ProjectRecord, customerVisible: Bool, in ctx: ActionContext) async throws -> [String] {
        let projectID = try project.requireID()
        let customer = try await CustomerRecord.find(project.customerID, on: ctx.db)
        let versions = try await ScopeStore.versions(projectID: projectID, on: ctx.db).map { try $0.domain() }
        let plan = try? await ProjectPlan.load(project, customerView: customerVisible, in: ctx)
        let details = try await MilestoneStore.details(projectID: projectID, onlyCustomerVisible: false, on: ctx.db)
        // A customer-visible meeting reads forecasts from visible work only, as the portal does.
        let outlooks = plan?.milestoneOutlooks(customerView: customerVisible) ?? [:]
        let input = AgendaInput(
            scopeVersions: versions,
            deliverables: details.flatMap { detail in
                detail.deliverables.map {
                    AgendaInput.DeliverableLine(name: $0.name, status: $0.status, visibleToCustomer: detail.milestone.visibleToCustomer)
                }
            },
            milestones: details.map { AgendaInput.MilestoneLine(milestone: $0.milestone, outlook: outlooks[$0.milestone.id]) },
            workItems: try await PlanStore.workItems(projectID: projectID, on: ctx.db),
            // The customer's questions still waiting for the team (all customer-visible: the customer asked them).
            questions: try await CommunicationHistoryReader.read(projectID: projectID, in: ctx).openQuestions.map {
                AgendaInput.Question(text: $0.excerpt.isEmpty ? $0.askedBy : "\($0.askedBy): \($0.excerpt)", visibleToCustomer: true)
            },
            actionItems: try await MeetingStore.actionLines(projectID: projectID, on: ctx.db),
            today: LocalDate(ctx.now, in: TimeZone(identifier: project.timeZone) ?? .gmt))
        return AgendaDraft.draft(input, language: customer?.language ?? .en, customerVisible: customerVisible)
    }
}
