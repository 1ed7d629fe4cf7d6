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
    /// Names of the contacts who may approve here (told to a contact who may not, instead of "please sign off").
    var approvers: [String] = []
    /// The open proposal, else the signed version.
    var scope: ScopeVersion?
    var milestones: [MilestoneDetail]
    /// Audit entry hashes of the decisions shown, by scope version or deliverable id.
    var receipts: [UUID: String]
    var work: [WorkRow]
    var pager: Pager
    /// The scale the Gantt opens at: the one that fits the plan on a phone unless `?zoom=` asks otherwise.
    var zoom: GanttZoom = .week
    /// No visible work: the charts give way to one line.
    var planIsEmpty = false
    /// The newest customer-visible history entries, and the viewer's previous visit (nil: none, or a preview).
    var activity: [ActivityItem] = []
    var activitySince: Date? = nil
    /// Set when a team member previews the portal as a contact.
    var preview: PortalPreview? = nil
    /// Files of the scope version and deliverables shown.
    var files = PageFiles()
    var reports = ReportListing()
    /// A refused form of the page (a return without a reason), shown again with what was typed (see `FormState`).
    var form: FormState? = nil
    /// The version signed before the one shown, when the one shown is not signed: what the diff compares with.
    var signedScope: ScopeVersion? = nil
    /// Names of the contacts who signed, sent back or decided what is shown.
    var names: [UUID: String] = [:]
    /// Each visible milestone's forecast from the visible work.
    var outlooks: [UUID: MilestoneOutlook] = [:]
    /// The thank-you after a decision (`PortalNotice`), from the redirect that follows it.
    var notice: PortalNotice? = nil
    /// Upcoming meetings, minutes to confirm and the customer's open action items.
    var meetings = PortalMeetings()

    var chartsBase: String { "\(PagePath.portalProject(projectID))" }

    /// How many history entries the portal page shows.
    static let activityShown = 10

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
        let preview = try await PortalPreview.load(req, project: project)
        let options = try await PlanChartRequest.ganttOptions(req, project: project)
        // The whole plan is scheduled, so internal work still moves dates; only visible things are named.
        let plan = try await ProjectPlan.load(project, customerView: true, in: req.context)
        let milestones = plan.milestoneDetails(customerView: true)
        let versions = try await ScopeStore.versions(projectID: projectID, on: req.db).map { try $0.domain() }
        let scope = ScopeVersion.current(of: versions)
        let signedScope = scope.flatMap { $0.wasSignedOff ? nil : ScopeVersion.signedBefore($0, in: versions) }
        var receipts = try await PortalReceipt.load(scope: scope, milestones: milestones, on: req.db)
        if let signedScope {
            receipts.merge(try await PortalReceipt.load(scope: signedScope, milestones: [], on: req.db)) { first, _ in first }
        }
        let shownVersions = [scope, signedScope].compactMap { $0 }
        let items = plan.items(customerView: true)
        let pager = Pager(req, count: items.count, anchor: "work")
        let work = items[pager.range].map { item in
            WorkRow(title: item.title, finish: plan.schedule[item.id]?.earlyFinish ?? item.dueDate, status: item.status, progress: item.progress)
        }
        var model = PortalProjectModel(
            projectID: projectID, name: project.name, timeZone: project.timeZone, goals: JSONList.decode(project.goalsJSON),
            summary: PlanSummary(plan, customerView: true), canApprove: identity.grants[projectID] == true,
            approvers: try await ApprovalStore.approverNames(projectID: projectID, on: req.db),
            scope: scope, milestones: milestones, receipts: receipts, work: work, pager: pager,
            zoom: options.zoom ?? PlanCharts.defaultZoom(plan, customerView: true), planIsEmpty: items.isEmpty,
            activity: Array(try await ActivityActions.feed(project, customerView: true, in: req.context).prefix(activityShown)),
            // Only a contact's own look moves their mark; a member's preview leaves it alone.
            activitySince: preview == nil ? try await ActivityActions.visit(projectID, in: req.context) : nil,
            preview: preview, signedScope: signedScope,
            names: try await DecisionViews.names(versions: shownVersions, deliverables: milestones.flatMap(\.deliverables), on: req.db),
            outlooks: plan.milestoneOutlooks(customerView: true),
            notice: req.query[String.self, at: "done"].flatMap(PortalNotice.init(rawValue:)))
        model.files = try await PageFiles.load(
            deliverables: milestones.flatMap(\.deliverables), versions: shownVersions, maxUploadBytes: 0, on: req.db)
        model.reports = try await ReportListing.load(projectID: projectID, publishedOnly: true, on: req.db)
        model.meetings = try await PortalMeetings.load(projectID: projectID, now: req.now, on: req.db)
        return model
    }

}

/// The thanks a contact sees after a decision, named in the redirect's `?done=`.
enum PortalNotice: String, Sendable {
    case signed, accepted, returned
    case minutes
    case changesRequested = "changes"

    var key: String { "notice.\(rawValue)" }
}
