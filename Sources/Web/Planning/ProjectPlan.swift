import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// A project's whole plan scheduled on its own working calendar: what every planning answer starts from.
///
/// Scheduling always runs over every item, hidden or not, so an internal dependency still moves the
/// dates a customer sees; the views filter afterwards.
struct ProjectPlan: Sendable {
    var projectID: UUID
    var projectName: String
    var projectStart: LocalDate
    var timeZone: TimeZone
    var items: [WorkItem]
    var milestones: [Milestone]
    /// Milestones whose deliverables are all accepted.
    var doneMilestones: Set<UUID>
    var calendar: WorkingCalendar
    var schedule: ProjectSchedule
    /// Titles by id, built once per plan (pages look up the names of dependencies).
    var titles: [UUID: String]
    /// Milestones with their deliverables as loaded for this revision, for the pages to show (plain values:
    /// the cache shares them between requests).
    var milestoneDetails: [MilestoneDetail]

    /// The plan of `project` at its current revision: from the cache when it was computed already,
    /// else loaded and scheduled. A cycle answers 409 naming the items, but only to the team.
    static func load(_ project: ProjectRecord, customerView: Bool, in ctx: ActionContext) async throws -> ProjectPlan {
        let cache = ctx.services.planCache
        if let cached = cache.plan(for: try project.requireID(), revision: project.planRevision) { return cached }
        let plan = try await load(project, customerView: customerView, on: ctx.db)
        cache.store(plan, revision: project.planRevision)
        return plan
    }

    /// Loads and schedules the plan from the database.
    static func load(_ project: ProjectRecord, customerView: Bool, on db: any Database) async throws -> ProjectPlan {
        let projectID = try project.requireID()
        let items = try await PlanStore.workItems(projectID: projectID, on: db)
        let milestones = try await MilestoneStore.details(projectID: projectID, onlyCustomerVisible: false, on: db)
        let calendar = try await CalendarStore.calendar(projectID: projectID, on: db)
        let schedule = try schedule(items, calendar: calendar, customerView: customerView)
        let done = milestones.filter { !$0.deliverables.isEmpty && $0.deliverables.allSatisfy { $0.status == .accepted } }
        guard let start = LocalDate(project.startDate) else {
            throw StoredValueError(table: ProjectRecord.schema, id: projectID, column: "start_date")
        }
        return ProjectPlan(
            projectID: projectID, projectName: project.name, projectStart: start,
            timeZone: TimeZone(identifier: project.timeZone) ?? .gmt, items: items,
            milestones: milestones.map(\.milestone), doneMilestones: Set(done.map(\.milestone.id)),
            calendar: calendar, schedule: schedule,
            titles: Dictionary(items.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first }),
            milestoneDetails: milestones)
    }

    static func schedule(_ items: [WorkItem], calendar: WorkingCalendar, customerView: Bool) throws -> ProjectSchedule {
        let result = Result { () throws(PlanningError) -> ProjectSchedule in
            try Scheduler.schedule(items.map { PlanItem($0, calendar: calendar) }, calendar: calendar)
        }
        switch result {
        case .success(let schedule):
            return schedule
        case .failure(let error):
            guard case .cycle(let ids) = error, !customerView else { throw error }
            let titles = Dictionary(items.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
            throw DomainError.conflict("dependency cycle: \(ids.map { titles[$0] ?? $0.uuidString }.joined(separator: " → "))")
        }
    }

    /// The later of the scheduled work (its due dates when it cannot be scheduled) and the milestones' due
    /// dates; nil for an empty plan.
    var plannedEnd: LocalDate? {
        MilestoneForecast.projectEnd(workEnd: schedule.endDate ?? items.map(\.dueDate).max(), milestones: milestones)
    }

    /// The date the plan ends: `plannedEnd`, else the project start.
    var endDate: LocalDate { plannedEnd ?? projectStart }

    /// The date the plan starts: the earlier of the project start and the first scheduled day.
    var startDate: LocalDate { min(schedule.startDate ?? projectStart, projectStart) }

    /// `plannedEnd` as the viewer may know it: a customer's ends with the last work and milestones they
    /// may see, so an internal item scheduled later never shows through a date.
    func plannedEnd(customerView: Bool) -> LocalDate? {
        guard customerView else { return plannedEnd }
        let visible = items(customerView: true)
        let workEnd = visible.compactMap { schedule[$0.id]?.earlyFinish }.max() ?? visible.map(\.dueDate).max()
        return MilestoneForecast.projectEnd(workEnd: workEnd, milestones: milestones(customerView: true))
    }

    /// Each milestone's forecast from the work the viewer may see: a customer's never reflects a hidden
    /// item's own finish (though hidden work still moves the visible items it precedes).
    func milestoneOutlooks(customerView: Bool) -> [UUID: MilestoneOutlook] {
        MilestoneForecast.outlooks(
            milestones: milestones(customerView: customerView), items: items(customerView: customerView),
            finish: { schedule[$0]?.earlyFinish })
    }

    /// `endDate` as the viewer may know it.
    func endDate(customerView: Bool) -> LocalDate { plannedEnd(customerView: customerView) ?? projectStart }

    /// `startDate` as the viewer may know it.
    func startDate(customerView: Bool) -> LocalDate {
        guard customerView else { return startDate }
        let starts = items(customerView: true).compactMap { schedule[$0.id]?.earlyStart }
        return min(starts.min() ?? projectStart, projectStart)
    }

    /// Estimate-weighted progress of the work the viewer may see.
    func progress(customerView: Bool) -> Int { ProjectProgress.percent(of: items(customerView: customerView)) }

    /// Today in the project's time zone.
    func today(_ now: Date) -> LocalDate { LocalDate(now, in: timeZone) }

    /// Where each milestone now falls: its due date, or later when its work items finish later.
    var milestoneForecast: [UUID: LocalDate] {
        var latest: [UUID: LocalDate] = [:]
        for item in items {
            guard let milestone = item.milestoneID, let finish = schedule[item.id]?.earlyFinish else { continue }
            latest[milestone] = max(latest[milestone] ?? finish, finish)
        }
        return Dictionary(uniqueKeysWithValues: milestones.map { ($0.id, max($0.dueDate, latest[$0.id] ?? $0.dueDate)) })
    }

    /// What a customer may see of this plan.
    var customerVisibility: CustomerVisibility { CustomerVisibility(items: items, milestones: milestones) }

    /// The work items the viewer may see, in plan order.
    func items(customerView: Bool) -> [WorkItem] { AccessPolicy.shown(items, toCustomer: customerView) }

    /// The milestone records (with deliverables) the viewer may see, by due date.
    func milestoneDetails(customerView: Bool) -> [MilestoneDetail] {
        AccessPolicy.shown(milestoneDetails, toCustomer: customerView)
    }

    /// The milestones the viewer may see, by due date.
    func milestones(customerView: Bool) -> [Milestone] { AccessPolicy.shown(milestones, toCustomer: customerView) }

    /// Finish-to-start links between visible items and from items to their visible milestones; for a
    /// customer, links through hidden items are bridged so no hidden item is named.
    func edges(customerView: Bool) -> [DependencyEdge] {
        var all: [DependencyEdge] = []
        for item in items {
            all += item.dependencies.map { DependencyEdge(predecessor: $0.predecessorID, successor: item.id) }
            if let milestone = item.milestoneID { all.append(DependencyEdge(predecessor: item.id, successor: milestone)) }
        }
        guard customerView else { return all }
        let visible = Set(items(customerView: true).map(\.id)).union(milestones(customerView: true).map(\.id))
        return DependencyBridging.visibleEdges(all, visible: visible)
    }
}
