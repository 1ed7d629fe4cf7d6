import Domain
import Foundation
import Persistence
import Vapor

/// Everything the customer's project page shows, already narrowed to what they may see: loaded by one
/// function, rendered by `PortalProjectView` (which touches no database).
struct PortalProjectModel {
    struct WorkRow: Equatable {
        var title: String
        /// When the item is now expected to finish, after dependencies and the calendar.
        var finish: LocalDate
        var status: WorkItemStatus
        var progress: Int
    }

    var projectID: UUID
    var name: String
    var timeZone: String
    var goals: [String]
    var summary: PlanSummary
    /// The viewer may sign off and accept here.
    var canApprove: Bool
    /// The open proposal, else the signed version.
    var scope: ScopeVersion?
    var milestones: [MilestoneDetail]
    /// Audit entry hashes of the decisions shown, by scope version or deliverable id.
    var receipts: [UUID: String]
    var work: [WorkRow]
    var pager: Pager
    /// A refused form of the page (a return without a reason), shown again with what was typed (see `FormState`).
    var form: FormState? = nil

    var chartsBase: String { "\(PagePath.portalProject(projectID))" }

    /// What waits on the customer, as the flows say.
    var waitingScope: ScopeVersion? { scope.flatMap { ScopeFlow.canSignOff($0.status) ? $0 : nil } }
    var waitingDeliverables: [Deliverable] { milestones.flatMap(\.deliverables).filter { DeliverableFlow.waitsOnCustomer($0.status) } }

    /// The project `req` names, as the signed-in contact may see it.
    static func load(_ req: Request) async throws -> PortalProjectModel {
        try await load(req, project: try await req.authorizedProject())
    }

    /// The model of `project`, which the caller has authorized for the signed-in contact.
    static func load(_ req: Request, project: ProjectRecord) async throws -> PortalProjectModel {
        let projectID = try project.requireID()
        let identity = try await req.identity
        // The whole plan is scheduled, so internal work still moves dates; only visible things are named.
        let plan = try await ProjectPlan.load(project, customerView: true, in: req.context)
        let milestones = plan.milestoneDetails(customerView: true)
        let scope = ScopeVersion.current(of: try await ScopeStore.versions(projectID: projectID, on: req.db).map { try $0.domain() })
        let items = plan.items(customerView: true)
        let pager = Pager(req, count: items.count, anchor: "work")
        let work = items[pager.range].map { item in
            WorkRow(title: item.title, finish: plan.schedule[item.id]?.earlyFinish ?? item.dueDate, status: item.status, progress: item.progress)
        }
        return PortalProjectModel(
            projectID: projectID, name: project.name, timeZone: project.timeZone, goals: JSONList.decode(project.goalsJSON),
            summary: PlanSummary(plan, customerView: true), canApprove: identity.grants[projectID] == true,
            scope: scope, milestones: milestones,
            receipts: try await PortalReceipt.load(scope: scope, milestones: milestones, on: req.db),
            work: work, pager: pager)
    }
}
