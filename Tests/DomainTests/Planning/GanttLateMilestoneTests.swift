import Foundation
import Testing
@testable import Domain

@Suite struct GanttLateMilestoneTests {
    func render(_ milestones: [GanttMilestone]) -> String {
        GanttChart.render(
            title: "Plan", rows: ganttRows(), milestones: milestones, today: ymd("2025-03-06"),
            calendar: .weekdays, zoom: .day, labels: .english)
    }

    @Test func aMilestoneForecastPastItsDueDateCarriesAVisibleLateWordNotOnlyAColour() {
        // given
        let late = GanttMilestone(name: "M2 上线", date: ymd("2025-03-10"), forecast: ymd("2025-03-12"))

        // when
        let svg = render([late])

        // then
        #expect(svg.contains("class=\"ms late\""))
        #expect(svg.contains(">⚠ Late</text>"))
        #expect(svg.contains("Late, forecast 2025-03-12"))
    }

    @Test func anOnTimeOrDoneMilestoneHasNoLateMark() {
        let onTime = GanttMilestone(name: "M2 上线", date: ymd("2025-03-12"), forecast: ymd("2025-03-12"))
        let done = GanttMilestone(name: "M1 原型", date: ymd("2025-03-04"), isDone: true, forecast: ymd("2025-03-05"))
        let svg = render([onTime, done])
        #expect(!svg.contains("class=\"ms late\""))
        #expect(!svg.contains("class=\"ms done late\""))
        #expect(!svg.contains("⚠"))
    }
}
