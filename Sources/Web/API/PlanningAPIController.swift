import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// Schedule, charts, baselines and the working calendar of a project.
struct PlanningAPIController {
    func register(_ api: any RoutesBuilder) {
        api.endpoint(.GET, "projects", ":projectID", "schedule", rule: .projectView, surface: .api, use: schedule)
        api.endpoint(.GET, "projects", ":projectID", "gantt.svg", rule: .projectView, surface: .api, use: gantt)
        api.endpoint(.GET, "projects", ":projectID", "flowchart.svg", rule: .projectView, surface: .api, use: flowchart)
        api.endpoint(.GET, "projects", ":projectID", "burnup.svg", rule: .projectView, surface: .api, use: burnUp)
        api.endpoint(.POST, "projects", ":projectID", "baselines", rule: .projectTeam, surface: .api, use: createBaseline)
        api.endpoint(.GET, "projects", ":projectID", "baselines", rule: .projectView, surface: .api, use: baselines)
        api.endpoint(.GET, "projects", ":projectID", "baselines", ":baselineID", "comparison", rule: .projectView, surface: .api, use: comparison)
        api.endpoint(.GET, "projects", ":projectID", "calendar", rule: .projectView, surface: .api, use: calendar)
        api.endpoint(.PUT, "projects", ":projectID", "calendar", rule: .projectTeam, surface: .api, use: updateCalendar)
    }

    /// Critical-path dates of every item the requester may see.
    @Sendable func schedule(req: Request) async throws -> Response {
        let (plan, customerView) = try await loadPlan(req)
        return JSON.response(ScheduleResponse(plan, customerView: customerView))
    }

    /// The Gantt chart; `?zoom=day|week|month`, `?baseline={id}` overlays that baseline.
    @Sendable func gantt(req: Request) async throws -> Response {
        let project = try await req.authorizedProject()
        let charts = try await PlanChartRequest.charts(req, project: project)
        let options = try await PlanChartRequest.ganttOptions(req, project: project)
        return PlanChartRequest.svg(charts.gantt(zoom: options.zoom, baseline: options.baseline?.1))
    }

    /// The dependency flowchart.
    @Sendable func flowchart(req: Request) async throws -> Response {
        let project = try await req.authorizedProject()
        return PlanChartRequest.svg(try await PlanChartRequest.charts(req, project: project).flowchart())
    }

    /// The burn-up chart: planned against recorded progress.
    @Sendable func burnUp(req: Request) async throws -> Response {
        let project = try await req.authorizedProject()
        return PlanChartRequest.svg(try await PlanChartRequest.charts(req, project: project).burnUp(on: req.db))
    }

    /// Saves the current schedule as a baseline.
    @Sendable func createBaseline(req: Request) async throws -> Response {
        let project = try await req.authorizedProject()
        let record = try await BaselineActions.create(JSON.decode(CreateBaselineRequest.self, from: req), project: project, in: req.context)
        return JSON.response(try BaselineResponse(record), status: .created)
    }

    /// The project's baselines, oldest first.
    @Sendable func baselines(req: Request) async throws -> Response {
        let project = try await req.authorizedProject()
        let paging = try Paging(req)
        let (page, next) = paging.page(try await BaselineStore.list(projectID: try project.requireID(), on: req.db))
        return JSON.response(ListResponse(items: page.map { BaselineResponse($0) }, nextCursor: next))
    }

    /// Slip of each item and milestone against one baseline.
    @Sendable func comparison(req: Request) async throws -> Response {
        let project = try await req.authorizedProject()
        let (record, stored) = try await BaselineActions.load(try req.uuidParameter("baselineID"), project: project, on: req.db)
        let (plan, customerView) = try await loadPlan(req, project: project)
        return JSON.response(try BaselineActions.compare(plan, baseline: stored, record: record, customerView: customerView))
    }

    /// Non-working dates and make-up working days.
    @Sendable func calendar(req: Request) async throws -> Response {
        let project = try await req.authorizedProject()
        return JSON.response(try await CalendarActions.show(projectID: try project.requireID(), on: req.db))
    }

    /// Replaces the working calendar.
    @Sendable func updateCalendar(req: Request) async throws -> Response {
        let project = try await req.authorizedProject()
        let body = try await CalendarActions.update(
            JSON.decode(WorkingCalendarBody.self, from: req), projectID: try project.requireID(), in: req.context)
        return JSON.response(body)
    }

    private func loadPlan(_ req: Request, project: ProjectRecord? = nil) async throws -> (ProjectPlan, Bool) {
        let loaded: ProjectRecord
        if let project { loaded = project } else { loaded = try await req.authorizedProject() }
        let customerView = try await req.identity.contactID != nil
        return (try await ProjectPlan.load(loaded, customerView: customerView, in: req.context), customerView)
    }
}

/// What the chart routes of the API and the pages share: the viewer's charts, query options, the SVG answer.
enum PlanChartRequest {
    /// `customerView` nil means: the customer's view for contacts, the team's for members; `language` nil
    /// means the viewer's (a preview passes the previewed contact's).
    static func charts(_ req: Request, project: ProjectRecord, customerView: Bool? = nil, language: Language? = nil) async throws -> PlanCharts {
        let identity = try await req.identity
        let customerView = customerView ?? (identity.contactID != nil)
        let plan = try await ProjectPlan.load(project, customerView: customerView, in: req.context)
        return PlanCharts(
            plan: plan, customerView: customerView, language: language ?? identity.language,
            catalogue: req.tandem.catalogue, today: plan.today(req.now))
    }

    /// `?zoom=` (400 when not day, week or month) and `?baseline=` (404 when not this project's).
    static func ganttOptions(_ req: Request, project: ProjectRecord) async throws -> (zoom: GanttZoom?, baseline: (BaselineRecord, StoredBaseline)?) {
        var zoom: GanttZoom?
        if let text = req.query[String.self, at: "zoom"], !text.isEmpty {
            guard let value = GanttZoom(rawValue: text) else {
                throw DomainError.validation(field: "zoom", rule: .zoom)
            }
            zoom = value
        }
        var baseline: (BaselineRecord, StoredBaseline)?
        if let text = req.query[String.self, at: "baseline"], !text.isEmpty {
            guard let id = UUID(uuidString: text) else { throw DomainError.validation(field: "baseline", rule: .baseline) }
            baseline = try await BaselineActions.load(id, project: project, on: req.db)
        }
        return (zoom, baseline)
    }

    static func svg(_ markup: String) -> Response {
        Response(
            status: .ok, headers: ["Content-Type": "image/svg+xml; charset=utf-8", "Cache-Control": "no-store"],
            body: .init(string: markup))
    }
}
