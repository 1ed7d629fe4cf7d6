import Domain
import Fluent
import Foundation
import Persistence

/// The three plan charts as SVG, for the team or for a customer. A customer's charts name only
/// customer-visible items and milestones; their dates still come from the whole plan.
struct PlanCharts {
    let plan: ProjectPlan
    let customerView: Bool
    let language: Language
    let catalogue: Catalogue
    let today: LocalDate

    private func t(_ key: String, _ arguments: String...) -> String { catalogue.text(key, language, arguments) }

    /// The charts speak the catalogue's words, so a status reads the same on the chart as on the page.
    private var ganttLabels: GanttLabels {
        GanttLabels(
            todo: t("workStatus.todo"), doing: t("workStatus.doing"), done: t("workStatus.done"), blocked: t("workStatus.blocked"),
            criticalPath: t("chart.criticalPath"), milestone: t("chart.milestone"), today: t("chart.today"),
            baseline: t("chart.baseline"), slipped: t("chart.slipped"), ungrouped: t("chart.ungrouped"),
            workItems: t("chart.workItems"), late: t("milestone.late"), forecast: t("milestone.forecast"))
    }

    /// The scale at which the whole plan fits (or nearly fits) the screen it is usually read on: a desktop
    /// for the team, a phone for the customer (where the chart scrolls sideways for the rest).
    func defaultZoom() -> GanttZoom { Self.defaultZoom(plan, customerView: customerView) }

    static func defaultZoom(_ plan: ProjectPlan, customerView: Bool) -> GanttZoom {
        let days = plan.startDate(customerView: customerView).days(to: plan.endDate(customerView: customerView)) + 1
        return GanttZoom.fitting(days: days, width: customerView ? phoneTimelineWidth : desktopTimelineWidth)
    }

    /// Room for the timeline beside the 240-pixel name column: a 390-pixel phone leaves about 240 more
    /// in view after one short swipe (a three-week plan opens at weeks), a desktop page about 1,000.
    static let phoneTimelineWidth = 240.0
    static let desktopTimelineWidth = 1_008.0

    /// The Gantt chart; `baseline` overlays its dates and marks rows finishing later.
    func gantt(zoom: GanttZoom? = nil, baseline: StoredBaseline? = nil) -> String {
        let visibleMilestones = plan.milestones(customerView: customerView)
        let groupName = Dictionary(uniqueKeysWithValues: visibleMilestones.map { ($0.id, $0.name) })
        var predecessors: [UUID: [UUID]] = [:]
        for edge in plan.edges(customerView: customerView) { predecessors[edge.successor, default: []].append(edge.predecessor) }
        let rows: [GanttRow] = plan.items(customerView: customerView).compactMap { item in
            guard let scheduled = plan.schedule[item.id] else { return nil }
            return GanttRow(
                id: item.id, label: item.title, group: item.milestoneID.flatMap { groupName[$0] },
                start: scheduled.earlyStart, finish: scheduled.earlyFinish, progress: item.progress,
                status: item.status, isCritical: scheduled.isCritical, dependencies: predecessors[item.id] ?? [])
        }
        let outlooks = plan.milestoneOutlooks(customerView: customerView)
        let milestones = visibleMilestones.map {
            GanttMilestone(
                name: $0.name, date: $0.dueDate, isDone: plan.doneMilestones.contains($0.id), forecast: outlooks[$0.id]?.forecastDate)
        }
        let rowIDs = Set(rows.map(\.id))
        let overlay = baseline.map { $0.items.filter { rowIDs.contains($0.key) } }
        return GanttChart.render(
            title: plan.projectName, rows: rows, milestones: milestones, today: today, calendar: plan.calendar,
            zoom: zoom ?? defaultZoom(), labels: ganttLabels, baseline: overlay)
    }

    /// Work items and milestones as a dependency diagram; items lead to the milestone they belong to.
    func flowchart() -> String {
        var predecessors: [UUID: [UUID]] = [:]
        for edge in plan.edges(customerView: customerView) { predecessors[edge.successor, default: []].append(edge.predecessor) }
        var nodes: [FlowchartNode] = plan.items(customerView: customerView).map { item in
            FlowchartNode(
                id: item.id, label: item.title, status: item.status,
                isCritical: plan.schedule[item.id]?.isCritical ?? false, predecessors: predecessors[item.id] ?? [])
        }
        let forecast = plan.milestoneForecast
        for milestone in plan.milestones(customerView: customerView) {
            // A milestone is on the critical path when a critical item of it finishes on its forecast date.
            let critical = plan.items.contains { item in
                item.milestoneID == milestone.id && plan.schedule[item.id].map { $0.isCritical && $0.earlyFinish == forecast[milestone.id] } == true
            }
            nodes.append(
                FlowchartNode(
                    id: milestone.id, label: milestone.name, kind: .milestone,
                    status: plan.doneMilestones.contains(milestone.id) ? .done : .todo,
                    isCritical: critical, predecessors: predecessors[milestone.id] ?? []))
        }
        let labels = FlowchartLabels(statuses: ganttLabels, dependencies: t("chart.dependencies"))
        return DependencyFlowchart.render(title: t("plan.flowTitle", plan.projectName), nodes: nodes, labels: labels)
    }

    /// Planned against recorded progress over the project's life, in hours when items carry estimates.
    func burnUp(on db: any Database) async throws -> String {
        let items = plan.items(customerView: customerView)
        let ids = Set(items.map(\.id))
        let events = try await PlanStore.progressEvents(projectID: plan.projectID, on: db)
        let changes = events.filter { ids.contains($0.workItemID) }
            .map { ProgressChange(itemID: $0.workItemID, date: LocalDate($0.at, in: plan.timeZone), percent: $0.progress) }
        let burnItems = items.compactMap { item in
            plan.schedule[item.id].map {
                BurnUpItem(id: item.id, estimateHours: item.estimateHours, plannedStart: $0.earlyStart, plannedDue: $0.earlyFinish)
            }
        }
        let measure: BurnUpMeasure = items.contains { ($0.estimateHours ?? 0) > 0 } ? .hours : .items
        let planStart = plan.startDate(customerView: customerView)
        let planEnd = plan.endDate(customerView: customerView)
        let start = min(planStart, changes.map(\.date).min() ?? planStart)
        // Through the plan's end, or today when the project runs late; never more than ten years of days.
        let end = min(max(planEnd, min(today, planEnd.adding(days: 366))), start.adding(days: 3_660))
        let series = BurnUpSeries.derive(
            items: burnItems, progress: changes, from: start, through: max(end, start),
            today: today, measure: measure, calendar: plan.calendar)
        let labels = BurnUpLabels(
            planned: t("plan.planned"), actual: t("plan.actual"), scope: t("plan.scope"),
            unit: t(measure == .hours ? "plan.unitHours" : "plan.unitItems"),
            valueAxis: t(measure == .hours ? "plan.axisHours" : "plan.axisItems"), dateAxis: t("plan.axisDates"), empty: t("plan.empty"))
        return BurnUpChart.render(title: t("plan.burnUpTitle", plan.projectName), series: series, labels: labels)
    }
}
