import Foundation
import Testing
@testable import Domain

/// A small plan: design and build under two milestones, one loose item; B depends on A.
func ganttRows(labelOfFirst: String = "Design 设计") -> [GanttRow] {
    [
        GanttRow(
            id: itemID(1), label: labelOfFirst, group: "M1 原型", start: ymd("2025-03-03"),
            finish: ymd("2025-03-05"), progress: 100, status: .done, isCritical: true),
        GanttRow(
            id: itemID(2), label: "Build 开发", group: "M2 上线", start: ymd("2025-03-06"),
            finish: ymd("2025-03-12"), progress: 40, status: .doing, isCritical: true, dependencies: [itemID(1)]),
        GanttRow(
            id: itemID(3), label: "Docs", group: "M2 上线", start: ymd("2025-03-06"),
            finish: ymd("2025-03-07"), progress: 0, status: .blocked, isCritical: false, dependencies: [itemID(1)]),
        GanttRow(
            id: itemID(4), label: "Retro", group: nil, start: ymd("2025-03-13"),
            finish: ymd("2025-03-13"), progress: 0, status: .todo, isCritical: false),
    ]
}

let ganttMilestones = [
    GanttMilestone(name: "M2 上线", date: ymd("2025-03-12")),
    GanttMilestone(name: "M1 原型", date: ymd("2025-03-05"), isDone: true),
]

func renderGantt(
    rows: [GanttRow] = ganttRows(), zoom: GanttZoom = .day, baseline: [UUID: DateSpan]? = nil,
    labels: GanttLabels = .english
) -> String {
    GanttChart.render(
        title: "Website 网站", rows: rows, milestones: ganttMilestones, today: ymd("2025-03-06"),
        calendar: .weekdays, zoom: zoom, labels: labels, baseline: baseline)
}

@Suite struct GanttChartTests {
    @Test(arguments: GanttZoom.allCases)
    func outputIsWellFormedXML(zoom: GanttZoom) {
        // given / when
        let svg = parseSVG(renderGantt(zoom: zoom))
        // then
        #expect(svg.isWellFormed)
    }

    @Test func rootIsAnAccessibleImageWithTitleAndDescription() {
        // given / when
        let svg = parseSVG(renderGantt())
        // then
        #expect(svg.elements.first?.name == "svg" && svg.elements.first?.attributes["role"] == "img")
        #expect(svg.elements[1].name == "title" && svg.elements[1].text == "Website 网站")
        #expect(svg.elements[2].name == "desc" && svg.elements[2].text.contains("4 work items"))
    }

    @Test func everyBarIsAGroupWithItsOwnTitle() {
        // given / when
        let svg = parseSVG(renderGantt())
        // then
        let barTitles = svg.elements.indices.filter {
            svg.elements[$0].name == "g" && svg.elements[$0].attributes["class"]?.hasPrefix("s-") == true
                && svg.elements[$0 + 1].name == "title"
        }
        #expect(barTitles.count == 4)
    }

    @Test func rowLabelsAndGroupHeadersAreShownInMilestoneDateOrder() {
        // given / when
        let texts = parseSVG(renderGantt()).texts
        // then M1 (Mar 5) comes before M2 (Mar 12) and the ungrouped header comes last
        let order = ["M1 原型", "Design 设计", "M2 上线", "Build 开发", "Docs", "Other work", "Retro"].map { texts.firstIndex(of: $0) }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
    }

    @Test func markupInALabelIsEscaped() {
        // given
        let rows = ganttRows(labelOfFirst: "<script>alert('x')</script> & \"quotes\"")
        // when
        let output = renderGantt(rows: rows)
        // then
        #expect(!output.contains("<script>"))
        #expect(output.contains("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &quot;quotes&quot;"))
        #expect(parseSVG(output).isWellFormed)
    }

    @Test func aLongChineseLabelIsTruncatedWithTheFullTextInItsTitle() {
        // given a label far wider than the label column
        let long = String(repeating: "需求分析与原型评审", count: 6)
        // when
        let svg = parseSVG(renderGantt(rows: ganttRows(labelOfFirst: long)))
        // then
        let label = svg.elements.firstIndex { $0.name == "text" && $0.text.hasPrefix("需求分析") && $0.text.hasSuffix("…") }
        #expect(label != nil)
        #expect(label.map { svg.elements[$0 + 1].name == "title" && svg.elements[$0 + 1].text == long } == true)
    }

    @Test func twoRendersOfTheSameInputAreIdentical() {
        // given / when
        let first = renderGantt(baseline: [itemID(2): DateSpan(start: ymd("2025-03-05"), finish: ymd("2025-03-10"))])
        let second = renderGantt(baseline: [itemID(2): DateSpan(start: ymd("2025-03-05"), finish: ymd("2025-03-10"))])
        // then
        #expect(first == second)
    }

    @Test func theLayoutHasFixedGeometryForAFixedToday() {
        // given range Mon 2025-03-03 … Sun 03-16 at 24 px a day, labels 240 px wide
        // when
        let svg = parseSVG(renderGantt())
        // then today (Thu 03-06) is centred in its day column and the chart is 240 + 14·24 + 16 wide
        #expect(svg.all("line", class: "today").first?.attributes["x1"] == "324")
        #expect(svg.elements.first?.attributes["width"] == "640")
        #expect(svg.all("rect", class: "b").first?.attributes["x"] == "240")
    }

    @Test func dependencyArrowsJoinRowsAndFollowTheCriticalPath() {
        // given B and Docs both depend on Design; Design and B are critical
        // when
        let svg = parseSVG(renderGantt())
        // then
        #expect(svg.all("path", class: "dep").count == 2)
        #expect(svg.all("path", class: "crit").count == 1)
    }

    @Test func milestonesAreDiamondsAndDoneOnesAreMarked() {
        // given M1 is done, M2 is not
        // when
        let svg = parseSVG(renderGantt())
        // then
        let diamonds = svg.all("g", class: "ms")
        #expect(diamonds.count == 2)
        #expect(diamonds.filter { $0.attributes["class"] == "ms done" }.count == 1)
    }

    @Test func weekendsAreShadedInDayZoomButNotInMonthZoom() {
        // given / when
        let day = parseSVG(renderGantt(zoom: .day))
        let month = parseSVG(renderGantt(zoom: .month))
        // then two weekends in the two-week range, merged as one rectangle each
        #expect(day.all("path", class: "nw").first?.attributes["d"]?.filter { $0 == "z" }.count == 2)
        #expect(month.all("path", class: "nw").isEmpty)
    }

    @Test func aRowFinishingAfterItsBaselineIsMarkedSlipped() {
        // given B's baseline finished Monday 03-10; it now finishes Wednesday 03-12
        let baseline = [
            itemID(2): DateSpan(start: ymd("2025-03-05"), finish: ymd("2025-03-10")),
            itemID(3): DateSpan(start: ymd("2025-03-06"), finish: ymd("2025-03-07")),
        ]
        // when
        let svg = parseSVG(renderGantt(baseline: baseline))
        // then
        let slipped = svg.all("g", class: "slip")
        #expect(slipped.count == 1)
        // (plus one swatch of each in the legend)
        #expect(svg.all("rect", class: "bl").count == 3 && svg.all("rect", class: "sl").count == 2)
        #expect(svg.all("title").contains { $0.text.hasPrefix("Build 开发") && $0.text.contains("Slipped +2") })
    }

    @Test func theBaselineAndSlippedLegendAppearsOnlyWithABaseline() {
        // given / when
        let without = parseSVG(renderGantt()).texts
        let with = parseSVG(renderGantt(baseline: [:])).texts
        // then
        #expect(!without.contains("Baseline") && with.contains("Baseline") && with.contains("Slipped"))
    }

    @Test func legendWordsComeFromTheLabelsPassedIn() {
        // given / when
        let chinese = GanttLabels(
            todo: "未开始", doing: "进行中", done: "已完成", blocked: "受阻", criticalPath: "关键路径",
            milestone: "里程碑", today: "今天", baseline: "基线", slipped: "已延误",
            ungrouped: "其他任务", workItems: "个任务")
        let texts = parseSVG(renderGantt(labels: chinese)).texts
        // then
        #expect(["未开始", "进行中", "已完成", "受阻", "关键路径", "里程碑", "今天"].allSatisfy(texts.contains))
    }

    @Test func hiddenItemsLeaveNoTraceWhenTheCallerFiltersThem() {
        // given the customer may not see "Docs" (id 3)
        let visible = ganttRows().filter { $0.id != itemID(3) }
        // when
        let output = renderGantt(rows: visible)
        // then
        #expect(!output.contains("Docs"))
        #expect(!output.contains(itemID(3).uuidString))
        #expect(parseSVG(output).all("path", class: "dep").count == 1)
    }

    @Test func twoThousandRowsStayUnderOnePointFiveMegabytes() throws {
        // given
        let rows = (0..<2_000).map { index in
            GanttRow(
                id: itemID(index), label: "任务 \(index) 接口联调 integration", group: "M\(index % 20)",
                start: ymd("2025-03-03").adding(days: index % 90), finish: ymd("2025-03-10").adding(days: index % 90),
                progress: index % 101, status: WorkItemStatus.allCases[index % 4], isCritical: index % 7 == 0,
                dependencies: index > 0 ? [itemID(index - 1)] : [])
        }
        // when
        let output = GanttChart.render(
            title: "Big", rows: rows, milestones: [], today: ymd("2025-04-01"),
            calendar: .weekdays, zoom: .day, labels: .english)
        // then
        #expect(output.utf8.count < 1_500_000)
    }

    @Test func aChartStartingAtAMonthsLastDayLabelsOnlyTheNextMonth() {
        // given a plan whose first day is the last day of November
        let rows = [
            GanttRow(
                id: itemID(1), label: "Design", group: nil, start: ymd("2026-11-30"), finish: ymd("2026-12-04"),
                progress: 0, status: .todo, isCritical: true)
        ]
        // when
        let svg = GanttChart.render(
            title: "Plan", rows: rows, milestones: [], today: ymd("2026-11-30"), calendar: .weekdays,
            zoom: .day, labels: .english)
        // then the two month labels do not sit on top of each other
        #expect(!svg.contains(">2026-11<"))
        #expect(svg.contains(">2026-12<"))
    }
}
