import Foundation
import Testing
@testable import Domain

/// A (16 h, Mon 03-03 … Fri 03-07) and B (24 h, Mon 03-10 … Fri 03-14).
let burnItems = [
    BurnUpItem(id: itemID(1), estimateHours: 16, plannedStart: ymd("2025-03-03"), plannedDue: ymd("2025-03-07")),
    BurnUpItem(id: itemID(2), estimateHours: 24, plannedStart: ymd("2025-03-10"), plannedDue: ymd("2025-03-14")),
]

func burnSeries(progress: [ProgressChange] = [], measure: BurnUpMeasure = .hours) -> BurnUpSeries {
    BurnUpSeries.derive(
        items: burnItems, progress: progress, from: ymd("2025-03-03"), through: ymd("2025-03-16"),
        today: ymd("2025-03-11"), measure: measure, calendar: .weekdays)
}

@Suite struct BurnUpTests {
    @Test func plannedWorkGrowsEvenlyOverEachItemsWorkingDays() {
        // given / when
        let series = burnSeries()
        // then 16/5 per day in week one, flat on the weekend, all 40 by Friday 03-14
        #expect(series.points.count == 14)
        #expect(abs(series.points[0].planned - 3.2) < 1e-9)
        #expect(series.points[4].planned == 16 && series.points[6].planned == 16)
        #expect(series.points[11].planned == 40)
        #expect(series.totalScope == 40)
    }

    @Test func actualWorkFollowsTheLatestRecordedProgress() {
        // given A reaches 50 % on Tuesday and 100 % on Thursday
        let progress = [
            ProgressChange(itemID: itemID(1), date: ymd("2025-03-06"), percent: 100),
            ProgressChange(itemID: itemID(1), date: ymd("2025-03-04"), percent: 50),
        ]
        // when
        let series = burnSeries(progress: progress)
        // then
        #expect(series.points[0].actual == 0)
        #expect(series.points[2].actual == 8)
        #expect(series.points[3].actual == 16)
    }

    @Test func daysAfterTodayHaveNoActualValue() {
        // given / when
        let series = burnSeries()
        // then today is Tuesday 03-11, the ninth point
        #expect(series.points[8].actual != nil && series.points[9].actual == nil)
    }

    @Test func countingItemsWeighsEachItemAsOne() {
        // given / when
        let series = burnSeries(measure: .items)
        // then
        #expect(series.totalScope == 2)
    }

    @Test func theChartIsWellFormedWithTwoLinesAndTheScope() {
        // given
        let series = burnSeries(progress: [ProgressChange(itemID: itemID(1), date: ymd("2025-03-05"), percent: 60)])
        // when
        let svg = parseSVG(BurnUpChart.render(title: "Burn-up & <scope>", series: series, labels: .englishHours))
        // then
        #expect(svg.isWellFormed)
        #expect(svg.all("polyline").count == 2 && svg.all("line", class: "scope").count == 2)
        #expect(svg.elements.first?.attributes["role"] == "img")
        #expect(svg.all("desc").first?.text.contains("Total scope 40 h") == true)
    }
}
