import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// Saving the current schedule as a baseline, and comparing the plan with one.
enum BaselineActions {
    /// Freezes every item's scheduled dates and every milestone's forecast date under `name`.
    static func create(_ input: CreateBaselineRequest, project: ProjectRecord, in ctx: ActionContext) async throws -> BaselineRecord {
        let name = try Validate.text(input.name, field: "name")
        let plan = try await ProjectPlan.load(project, customerView: false, in: ctx)
        let now = ctx.now
        return try await ctx.write { db in
            try await BaselineStore.create(
                projectID: plan.projectID, name: name, createdAt: now, endDate: plan.endDate,
                items: plan.schedule.spans, milestones: plan.milestoneForecast, on: db)
        }
    }

    /// The baseline `id` of `project`; 404 when it belongs elsewhere or does not exist.
    static func load(_ id: UUID, project: ProjectRecord, on db: any Database) async throws -> (BaselineRecord, StoredBaseline) {
        let projectID = try project.requireID()
        guard let record = try await BaselineRecord.find(id, on: db), record.projectID == projectID,
            let stored = try await BaselineStore.load(id: id, projectID: projectID, on: db)
        else { throw DomainError.notFound }
        return (record, stored)
    }

    /// Slip per item and milestone in working days (positive = later than the baseline). Items added
    /// since the baseline come last, with no baseline date; a customer sees only visible ones.
    static func compare(_ plan: ProjectPlan, baseline: StoredBaseline, record: BaselineRecord, customerView: Bool) throws
        -> BaselineComparisonResponse
    {
        let items = plan.items(customerView: customerView)
        let titles = Dictionary(uniqueKeysWithValues: items.map { ($0.id, $0.title) })
        let current = plan.schedule.spans.filter { titles[$0.key] != nil }
        var rows = BaselineComparison.items(baseline: baseline.items, current: current, calendar: plan.calendar).map {
            ComparisonItemResponse(
                id: $0.id, title: titles[$0.id] ?? "", baselineFinish: $0.baseline.finish.description,
                currentFinish: $0.current.finish.description, slipDays: $0.finishSlipDays)
        }
        for item in items where baseline.items[item.id] == nil {
            guard let span = current[item.id] else { continue }
            rows.append(
                ComparisonItemResponse(id: item.id, title: item.title, baselineFinish: nil, currentFinish: span.finish.description, slipDays: 0))
        }
        let milestones = plan.milestones(customerView: customerView)
        let names = Dictionary(uniqueKeysWithValues: milestones.map { ($0.id, $0.name) })
        let forecast = plan.milestoneForecast.filter { names[$0.key] != nil }
        var milestoneRows = BaselineComparison.milestones(baseline: baseline.milestones, current: forecast, calendar: plan.calendar).map {
            ComparisonMilestoneResponse(
                id: $0.id, name: names[$0.id] ?? "", baselineDue: $0.baselineDue.description,
                currentDue: $0.currentDue.description, slipDays: $0.slipDays)
        }
        for milestone in milestones where baseline.milestones[milestone.id] == nil {
            milestoneRows.append(
                ComparisonMilestoneResponse(
                    id: milestone.id, name: milestone.name, baselineDue: nil,
                    currentDue: (forecast[milestone.id] ?? milestone.dueDate).description, slipDays: 0))
        }
        return BaselineComparisonResponse(baseline: try BaselineResponse(record), items: rows, milestones: milestoneRows)
    }
}
