import Foundation

/// Drafts a status report from the period's data. Pure and linear in the plan's size (a 2,000-item plan drafts in
/// a few milliseconds).
///
/// What goes where (customer-visible items and milestones only; internal ones never, not even through a count):
/// - **done**: items finished (100 % or status done) on a day inside the period;
/// - **in progress**: unfinished items that started by the period's end (forecast start, recorded progress, or
///   status doing/blocked);
/// - **next**: unfinished items not started yet whose forecast start falls within 14 days after the period;
/// - **milestones**: open ones and those due inside the period, with due and forecast date, lateness in working
///   days, and slip against the latest baseline;
/// - **waiting on the customer**: submitted deliverables of visible milestones, with the days they waited;
/// - **risks, concerns, changes**: empty until those exist.
public enum ReportDrafter {
    /// How far past the period "next up" looks.
    public static let nextWindowDays = 14

    public static func draft(_ input: ReportInput) -> ReportContent {
        let period = input.period
        let items = input.items.filter(\.visibleToCustomer)
        var done: [(WorkItem, LocalDate)] = []
        var inProgress: [WorkItem] = []
        var next: [(WorkItem, LocalDate)] = []
        for item in items {
            let span = input.schedule[item.id]
            if item.status == .done || item.progress >= 100 {
                let finished = input.finishedOn[item.id] ?? item.dueDate
                if period.contains(finished) { done.append((item, finished)) }
                continue
            }
            let start = span?.start ?? item.startDate
            if start <= period.upperBound || item.progress > 0 || item.status == .doing || item.status == .blocked {
                inProgress.append(item)
            } else if start <= period.upperBound.adding(days: nextWindowDays) {
                next.append((item, start))
            }
        }
        done.sort { ($0.1, $0.0.title) < ($1.1, $1.0.title) }
        inProgress.sort { (finish($0, input), $0.title) < (finish($1, input), $1.title) }
        next.sort { ($0.1, $0.0.title) < ($1.1, $1.0.title) }

        let milestones = reportMilestones(input)
        let waiting = waitingDeliverables(input)
        let reason = ReportHealthRules.reason(milestones: milestones, waiting: waiting)
        let nextMilestone = milestones.first { !$0.done }
        return ReportContent(
            projectName: input.projectName, language: input.language, periodStart: period.lowerBound.description,
            periodEnd: period.upperBound.description, health: reason.health, healthReason: ReportWording.reason(reason, input.language),
            summary: ReportWording.summary(
                period: period, done: done.count, inProgress: inProgress.count, next: next.count, nextMilestone: nextMilestone, input.language),
            done: done.map { ReportLine(id: $0.0.id, title: $0.0.title, progress: 100, date: $0.1.description) },
            inProgress: inProgress.map { ReportLine(id: $0.id, title: $0.title, progress: $0.progress, date: finish($0, input).description) },
            next: next.map { ReportLine(id: $0.0.id, title: $0.0.title, progress: $0.0.progress, date: $0.1.description) },
            milestones: milestones, waitingOnCustomer: waiting)
    }

    private static func finish(_ item: WorkItem, _ input: ReportInput) -> LocalDate { input.schedule[item.id]?.finish ?? item.dueDate }

    /// Visible milestones that are open or due inside the period, by due date. The forecast comes from visible work
    /// only, so a hidden item's own dates never show through a milestone.
    static func reportMilestones(_ input: ReportInput) -> [ReportMilestone] {
        let visible = input.milestones.filter(\.visibleToCustomer)
        let outlooks = MilestoneForecast.outlooks(
            milestones: visible, items: input.items.filter(\.visibleToCustomer), finish: { input.schedule[$0]?.finish })
        return
            visible
            .filter { !input.doneMilestones.contains($0.id) || input.period.contains($0.dueDate) }
            .sorted { ($0.dueDate, $0.name) < ($1.dueDate, $1.name) }
            .map { milestone in
                let outlook = outlooks[milestone.id] ?? MilestoneOutlook(dueDate: milestone.dueDate, finishes: [])
                let forecast = outlook.forecastDate
                let lateDays =
                    outlook.late
                    ? BaselineComparison.slipDays(from: milestone.dueDate, to: forecast ?? milestone.dueDate, calendar: input.calendar) : 0
                let baseline = input.baselineDue?[milestone.id]
                let expected = max(milestone.dueDate, forecast ?? milestone.dueDate)
                return ReportMilestone(
                    id: milestone.id, name: milestone.name, dueDate: milestone.dueDate.description, forecastDate: forecast?.description,
                    late: outlook.late, lateDays: lateDays, baselineDueDate: baseline?.description,
                    slipDays: baseline.map { BaselineComparison.slipDays(from: $0, to: expected, calendar: input.calendar) },
                    done: input.doneMilestones.contains(milestone.id))
            }
    }

    /// Submitted deliverables of visible milestones, longest waiting first.
    static func waitingDeliverables(_ input: ReportInput) -> [ReportWaiting] {
        let milestones = Dictionary(input.milestones.filter(\.visibleToCustomer).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return input.deliverables
            .filter { $0.status == .submitted }
            .compactMap { deliverable -> ReportWaiting? in
                guard let milestone = milestones[deliverable.milestoneID] else { return nil }
                let submitted = input.submittedOn[deliverable.id]
                return ReportWaiting(
                    id: deliverable.id, name: deliverable.name, milestoneName: milestone.name, submittedOn: submitted?.description,
                    waitingDays: submitted.map { max(0, $0.days(to: input.today)) })
            }
            .sorted { ($0.waitingDays ?? -1, $1.name) > ($1.waitingDays ?? -1, $0.name) }
    }
}
