import Foundation
import Testing
@testable import Domain

/// The charts read on a phone: a scale that shows the whole plan, legends that wrap within the screen,
/// round tick values on the burn-up with its unit, and one line instead of empty axes.
@Suite struct ChartReadabilityTests {
    @Test(arguments: [(37.0, 10.0), (8, 2), (73.5, 20), (4, 1), (1, 0.5), (0.3, 0.1), (1_234, 500), (0, 1), (-5, 1)])
    func ticksStepByOneTwoOrFiveTimesAPowerOfTen(maximum: Double, step: Double) {
        #expect(abs(AxisTicks.step(covering: maximum) - step) < 1e-9)
    }

    @Test func tickValuesStartAtZeroAndEndAtTheFirstRoundValueAboveTheMaximum() {
        #expect(AxisTicks.values(upTo: 37) == [0, 10, 20, 30, 40])
        #expect(AxisTicks.values(upTo: 40) == [0, 10, 20, 30, 40])
        #expect(AxisTicks.values(upTo: 0) == [0, 1])
    }

    @Test func everyStepIsRoundAndCoversTheMaximumInAtMostFourSteps() {
        for maximum in stride(from: 0.7, through: 50_000, by: 13.37) {
            let values = AxisTicks.values(upTo: maximum)
            let step = values[1]
            let mantissa = step / pow(10, log10(step).rounded(.down))
            #expect([1.0, 2, 5].contains { abs($0 - mantissa) < 1e-6 }, "\(maximum): step \(step)")
            #expect(values.last! >= maximum - 1e-9 && values.count - 1 <= 4, "\(maximum): \(values)")
        }
    }

    @Test func theBurnUpShowsRoundTicksAndNamesItsUnitAndDates() {
        // given a scope of 37 hours
        let series = BurnUpSeries(
            points: [BurnUpPoint(date: ymd("2026-12-01"), planned: 0, actual: 0), BurnUpPoint(date: ymd("2026-12-10"), planned: 37, actual: 12)],
            totalScope: 37)
        let labels = BurnUpLabels(planned: "计划", actual: "实际完成", scope: "总范围", unit: "小时", valueAxis: "工作量（小时）", dateAxis: "日期")
        // when
        let texts = parseSVG(BurnUpChart.render(title: "燃起图", series: series, labels: labels)).texts
        // then
        #expect(["0", "10", "20", "30", "40"].allSatisfy(texts.contains))
        #expect(!texts.contains("9.25") && !texts.contains("18.5"))
        #expect(texts.contains("工作量（小时）") && texts.contains("日期"))
    }

    @Test func aBurnUpWithoutWorkIsOneLineNotEmptyAxes() {
        // given
        let labels = BurnUpLabels(planned: "Planned", actual: "Done", scope: "Total", unit: "items", empty: "No work items yet.")
        // when
        let svg = BurnUpChart.render(title: "Burn-up", series: BurnUpSeries(points: [], totalScope: 0), labels: labels)
        // then
        #expect(parseSVG(svg).isWellFormed)
        #expect(svg.contains("No work items yet."))
        #expect(!svg.contains("class=\"axis\"") && !svg.contains("class=\"yt\""))
    }

    @Test func legendEntriesWrapIntoRowsWithinAPhoneWidthWhateverTheChartWidth() {
        // given long Chinese entries and a chart 3,000 px wide
        let entries = (1...8).map { LegendEntry(swatch: "<rect width=\"14\" height=\"14\"/>", text: "很长的图例条目名称第\($0)项") }
        // when
        let legend = SVGLegend.render(entries, x: 16, y: 100, maxWidth: 3_000)
        // then every entry ends inside x + phone width, and they take several rows
        let origins = legend.markup.matches(of: /translate\(([0-9.]+),([0-9.]+)\)/).map { (Double($0.output.1)!, Double($0.output.2)!) }
        #expect(origins.count == 8)
        for (origin, entry) in zip(origins, entries) {
            #expect(origin.0 + 20 + SVGText.width(entry.text, fontSize: 12) <= 16 + GanttZoom.phoneWidth)
        }
        #expect(Set(origins.map(\.1)).count > 1)
        #expect(legend.height == Double(Set(origins.map(\.1)).count) * 20)
    }

    @Test func aWideGanttKeepsItsLegendOnThePhoneScreen() throws {
        // given a year-long plan at day scale (over 8,000 px wide)
        let rows = [
            GanttRow(
                id: itemID(1), label: "年度计划", group: nil, start: ymd("2026-01-01"), finish: ymd("2026-12-31"), progress: 0, status: .todo,
                isCritical: true)
        ]
        // when
        let svg = GanttChart.render(
            title: "Plan", rows: rows, milestones: [], today: ymd("2026-03-01"), calendar: .weekdays, zoom: .day, labels: .english)
        // then
        let legend = try #require(svg.firstRange(of: "<g class=\"lg\">").map { String(svg[$0.lowerBound...]) })
        let xs = legend.matches(of: /translate\(([0-9.]+),/).map { Double($0.output.1)! }
        #expect(!xs.isEmpty && xs.allSatisfy { $0 < 16 + GanttZoom.phoneWidth })
    }

    @Test(arguments: [
        (20, 480.0, GanttZoom.day), (45, 480, .week), (60, 480, .week), (61, 480, .month), (365, 480, .month),
        (42, 1_008, .day), (43, 1_008, .week), (126, 1_008, .week), (127, 1_008, .month),
    ])
    func theScaleIsTheMostDetailedOneAtWhichThePlanFits(days: Int, width: Double, zoom: GanttZoom) {
        #expect(GanttZoom.fitting(days: days, width: width) == zoom)
    }

    @Test func aChosenScaleOtherThanMonthsFitsTheWholePlan() {
        for days in 1...800 {
            let zoom = GanttZoom.fitting(days: days, width: 480)
            #expect(zoom == .month || Double(days) * zoom.pixelsPerDay <= 480)
        }
    }
}
