import Domain
import Foundation
import Persistence
import Vapor

/// Everything the team's project page shows, loaded by one function.
struct ProjectPageModel {
    var projectID: UUID
    var name: String
    var customerName: String?
    var status: ProjectStatus
    var startDate: String
    var timeZone: String
    var goals: [String]
    var canManage: Bool
    var versions: [ScopeVersion]
    /// Names of the contacts who signed, sent back, accepted or returned anything shown.
    var contactNames: [UUID: String] = [:]
    var memberNames: [UUID: String]
    /// The whole plan, scheduled (the team sees internal work too).
    var plan: ProjectPlan
    var summary: PlanSummary
    var zoom: GanttZoom
    var selectedBaseline: UUID?
    var comparison: BaselineComparisonResponse?
    var baselines: [BaselineSummary]
    var pager: Pager
    var files = PageFiles()
    var reports = ReportListing()
    /// A refused form of the page, shown again with what was typed (see `FormState`).
    var form: FormState? = nil
    /// The project's figures.
    var metrics: ProjectMetrics? = nil
    /// The project's meetings not yet over, earliest first.
    var meetings: [Meeting] = []

    var base: String { "\(PagePath.project(projectID))" }

    static func load(_ req: Request, catalogue: Catalogue, language: Language) async throws -> ProjectPageModel {
        try await load(req, project: try await req.authorizedProject(), catalogue: catalogue, language: language)
    }

    /// The model of `project`, which the caller has authorized.
    static func load(_ req: Request, project: ProjectRecord, catalogue: Catalogue, language: Language) async throws -> ProjectPageModel {
        let projectID = try project.requireID()
        let options = try await PlanChartRequest.ganttOptions(req, project: project)
        let plan = try await ProjectPlan.load(project, customerView: false, in: req.context)
        let charts = PlanCharts(plan: plan, customerView: false, language: language, catalogue: catalogue, today: plan.today(req.now))
        let members = try await NameLookup.memberNames(workspaceID: project.workspaceID, on: req.db)
        let versions = try await ScopeStore.versions(projectID: projectID, on: req.db).map { try $0.domain() }
        let contactNames = try await DecisionViews.names(
            versions: versions, deliverables: plan.milestoneDetails.flatMap(\.deliverables), on: req.db)
        var model = ProjectPageModel(
            projectID: projectID, name: project.name, customerName: try await NameLookup.customerName(project.customerID, on: req.db),
            status: project.status, startDate: project.startDate, timeZone: project.timeZone, goals: JSONList.decode(project.goalsJSON),
            canManage: try await req.identity.role?.canManage == true,
            versions: versions, contactNames: contactNames,
            memberNames: Dictionary(members.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first }),
            plan: plan, summary: PlanSummary(plan, customerView: false), zoom: options.zoom ?? charts.defaultZoom(),
            selectedBaseline: options.baseline?.0.id,
            comparison: try options.baseline.map { try BaselineActions.compare(plan, baseline: $0.1, record: $0.0, customerView: false) },
            baselines: try await BaselineStore.list(projectID: projectID, on: req.db),
            pager: Pager(req, count: plan.items.count, anchor: "work"))
        model.files = try await PageFiles.load(
            deliverables: plan.milestoneDetails(customerView: false).flatMap(\.deliverables), versions: versions,
            maxUploadBytes: req.tandem.config.maxUploadBytes, on: req.db)
        model.metrics = try await MetricsActions.metrics(of: project, in: req.context)
        model.reports = try await ReportListing.load(projectID: projectID, publishedOnly: false, on: req.db)
        model.meetings = try await MeetingStore.meetings(projectID: projectID, onlyCustomerVisible: false, on: req.db)
            .filter { $0.endsAt >= req.now || $0.minutes?.status != .confirmed }
        return model
    }
}
