import Domain
import Foundation
import Vapor

/// The plan charts as SVG documents for the pages (session cookie), drawn by the same code as the API's:
/// the team's view under `/projects/…`, the customer's under `/portal/projects/…`.
///
/// Pages embed them with `<object>` rather than inline, so a 2,000-item plan does not make a
/// multi-megabyte page, and each chart keeps its own stylesheet and tooltips.
struct ChartPages {
    enum Chart: String, CaseIterable {
        case gantt, flowchart, burnup

        var file: String { "\(rawValue).svg" }
    }

    func register(_ app: any RoutesBuilder) {
        for chart in Chart.allCases {
            app.endpoint(.GET, "projects", ":projectID", .constant(chart.file), rule: .projectTeam, surface: .page) { req in
                try await Self.render(chart, req, customerView: false)
            }
            app.endpoint(.GET, "portal", "projects", ":projectID", .constant(chart.file), rule: .projectView, surface: .page) { req in
                try await Self.render(chart, req, customerView: true)
            }
        }
    }

    /// The portal always draws the customer's view, also for a member previewing it.
    static func render(_ chart: Chart, _ req: Request, customerView: Bool) async throws -> Response {
        let project = try await req.authorizedProject()
        // A member previewing the portal as a contact (`?as=`) gets the charts in that contact's language.
        let preview = customerView ? try await PortalPreview.load(req, project: project) : nil
        let charts = try await PlanChartRequest.charts(req, project: project, customerView: customerView, language: preview?.language)
        switch chart {
        case .gantt:
            let options = try await PlanChartRequest.ganttOptions(req, project: project)
            return PlanChartRequest.svg(charts.gantt(zoom: options.zoom, baseline: customerView ? nil : options.baseline?.1))
        case .flowchart:
            return PlanChartRequest.svg(charts.flowchart())
        case .burnup:
            return PlanChartRequest.svg(try await charts.burnUp(on: req.db))
        }
    }
}
