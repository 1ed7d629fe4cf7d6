import Domain
import Foundation

/// The project's figures as a small chart on the project page: milestones and reports on time, each side's median
/// reply against the target, and the customer's satisfaction.
enum MetricsView {
    static func section(_ c: PageContext, _ metrics: ProjectMetrics?, projectID: UUID) -> HTML {
        guard let metrics else { return .empty }
        let bars = self.bars(c, metrics, target: metrics.responseTargetHours)
        let body: HTML =
            bars.isEmpty
            ? "<p class=\"muted\" id=\"figures-none\">\(c.t("metrics.none"))</p>"
            : HTML(
                raw: MetricBarChart.svg(
                    bars, title: c.t("metrics.title"), desc: bars.map { "\($0.label): \($0.valueText)" }.joined(separator: "; "),
                    idPrefix: "figures"))
        let slip: HTML =
            metrics.slipDays == 0
            ? .empty
            : "<p class=\"\(metrics.slipDays > 0 ? "tag red" : "tag")\" id=\"figures-slip\">\(c.t("metrics.slip", String(metrics.slipDays)))</p>"
        return """
            <section class="card figures" id="figures"><h2>\(c.t("metrics.title"))</h2>\(body)\(slip)\
            <p class="muted"><a href="\(PagePath.projectCommunication(projectID))">\(c.t("comms.title"))</a></p></section>
            """
    }

    static func bars(_ c: PageContext, _ metrics: ProjectMetrics, target: Int?) -> [MetricBar] {
        var bars: [MetricBar] = []
        func percentTone(_ share: Double) -> MetricBar.Tone { share >= 0.8 ? .good : share >= 0.5 ? .warn : .bad }
        if let rate = metrics.onTimeMilestoneRate {
            bars.append(
                MetricBar(
                    label: c.t("metrics.milestonesOnTime"), value: rate * 100, valueText: "\(Int((rate * 100).rounded())) %", max: 100,
                    tone: percentTone(rate)))
        }
        if metrics.reportsDue > 0 {
            let share = Double(metrics.reportsOnTime) / Double(metrics.reportsDue)
            bars.append(
                MetricBar(
                    label: c.t("metrics.reportsOnTime"), value: share * 100, valueText: "\(metrics.reportsOnTime)/\(metrics.reportsDue)", max: 100,
                    tone: percentTone(share)))
        }
        for (hours, key) in [(metrics.teamMedianHours, "metrics.teamReply"), (metrics.customerMedianHours, "metrics.customerReply")] {
            guard let hours else { continue }
            let goal = target.map(Double.init)
            let scale = max(hours, (goal ?? hours) * 2, 1)
            bars.append(
                MetricBar(
                    label: c.t(key), value: hours, valueText: CadenceText.hours(hours, language: c.language, catalogue: c.catalogue), max: scale,
                    target: goal, tone: goal.map { hours <= $0 ? .good : .bad } ?? .neutral))
        }
        if let average = metrics.satisfactionAverage {
            bars.append(
                MetricBar(
                    label: c.t("metrics.satisfaction", String(metrics.satisfactionCount)), value: average,
                    valueText: String(format: "%.1f / 5", average), max: 5, tone: average >= 4 ? .good : average >= 3 ? .warn : .bad))
        }
        return bars
    }
}
