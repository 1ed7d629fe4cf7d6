import Domain
import Foundation
import Persistence

/// A project's figures (`GET /projects/{id}/metrics` and the project page's charts), from its plan, baselines and
/// communication history.
enum MetricsActions {
    static func metrics(of project: ProjectRecord, in ctx: ActionContext) async throws -> ProjectMetrics {
        let projectID = try project.requireID()
        let plan = try await ProjectPlan.load(project, customerView: false, in: ctx)
        let today = plan.today(ctx.now)
        let rate = MetricRules.onTimeRate(
            plan.milestoneDetails, outlooks: plan.milestoneOutlooks(customerView: false), today: today, timeZone: plan.timeZone)
        var slip = 0
        if let latest = try await BaselineStore.list(projectID: projectID, on: ctx.db).last, let baselineEnd = LocalDate(latest.endDate) {
            slip = BaselineComparison.slipDays(from: baselineEnd, to: plan.endDate(customerView: false), calendar: plan.calendar)
        }
        let history = try await CommunicationHistoryReader.read(projectID: projectID, in: ctx)
        var reportsDue = 0
        var reportsOnTime = 0
        let stored = try await CommunicationPlanStore.find(projectID: projectID, on: ctx.db)
        if let stored {
            let adherence = PlanAdherence.compute(
                plan: stored.plan, timeZone: plan.timeZone, start: plan.projectStart, since: stored.agreedAt, now: ctx.now, history: history)
            reportsDue = adherence.reports.due
            reportsOnTime = adherence.reports.onTime
        }
        let satisfaction = MetricRules.satisfaction(history.ratings)
        return ProjectMetrics(
            onTimeMilestoneRate: rate, slipDays: slip, teamMedianHours: history.teamMedianHours,
            customerMedianHours: history.customerMedianHours, reportsDue: reportsDue, reportsOnTime: reportsOnTime,
            satisfactionAverage: satisfaction.average, satisfactionCount: satisfaction.count,
            responseTargetHours: stored?.plan.responseTargetHours)
    }
}
