import Domain
import Foundation

/// SplitMix64: a tiny seeded generator so every run times the same plan.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A random acyclic plan: edges always run from a lower to a higher hidden rank.
func randomPlan(items count: Int, dependencies edgeCount: Int, seed: UInt64) -> [PlanItem] {
    var rng = SplitMix64(state: seed)
    let start = LocalDate("2025-01-06")!
    let ids = (0..<count).map { _ in UUID(uuid: withUnsafeBytes(of: (rng.next(), rng.next())) { Array($0) }.tuple) }
    let rank = Array(0..<count).shuffled(using: &rng)
    var links = [[PlanDependency]](repeating: [], count: count)
    var seen: Set<Int> = []
    while seen.count < edgeCount {
        let a = Int.random(in: 0..<count, using: &rng)
        let b = Int.random(in: 0..<count, using: &rng)
        guard a != b else { continue }
        let (from, to) = rank[a] < rank[b] ? (a, b) : (b, a)
        guard seen.insert(from * count + to).inserted else { continue }
        links[to].append(PlanDependency(predecessor: ids[from], lagDays: Int.random(in: 0...2, using: &rng)))
    }
    return (0..<count).map { index in
        PlanItem(
            id: ids[index], plannedStart: start.adding(days: Int.random(in: 0..<120, using: &rng)),
            durationDays: Int.random(in: 0...10, using: &rng), dependencies: links[index])
    }
}

extension Array where Element == UInt8 {
    var tuple: uuid_t {
        (
            self[0], self[1], self[2], self[3], self[4], self[5], self[6], self[7],
            self[8], self[9], self[10], self[11], self[12], self[13], self[14], self[15]
        )
    }
}

func time(_ runs: Int, _ body: () -> Void) -> (median: Double, p99: Double) {
    let clock = ContinuousClock()
    var samples: [Double] = []
    for _ in 0..<runs {
        let elapsed = clock.measure(body)
        samples.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
    }
    samples.sort()
    let p99 = samples[min(samples.count - 1, Int((Double(samples.count) * 0.99).rounded(.up)) - 1)]
    return (samples[samples.count / 2], p99)
}

func report(_ name: String, _ result: (median: Double, p99: Double), extra: String = "") {
    print("\(name): median \(String(format: "%.2f", result.median)) ms p99 \(String(format: "%.2f", result.p99)) ms\(extra)")
}

let calendar = WorkingCalendar(
    nonWorkingDates: Set(
        [
            "2025-01-01", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-03",
            "2025-04-04", "2025-05-01", "2025-05-02", "2025-05-05", "2025-06-02", "2025-10-01",
        ]
        .compactMap(LocalDate.init)),
    workingDates: Set(["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"].compactMap(LocalDate.init)))

let plan = randomPlan(items: 5_000, dependencies: 10_000, seed: 42)
report("schedule_5000", time(50) { _ = try? Scheduler.schedule(plan, calendar: calendar) })

let small = randomPlan(items: 2_000, dependencies: 4_000, seed: 7)
let schedule = try Scheduler.schedule(small, calendar: calendar)
let rows = zip(small, schedule.items).enumerated().map { index, pair in
    GanttRow(
        id: pair.1.id, label: index % 2 == 0 ? "任务 \(index) 设计评审与接口联调" : "Work item \(index) integration & review",
        group: "M\(index % 20)", start: pair.1.earlyStart, finish: pair.1.earlyFinish, progress: index % 101,
        status: WorkItemStatus.allCases[index % 4], isCritical: pair.1.isCritical,
        dependencies: pair.0.dependencies.map(\.predecessor))
}
let milestones = (0..<20).map { GanttMilestone(name: "M\($0)", date: LocalDate("2025-02-03")!.adding(days: $0 * 7), isDone: $0 < 5) }
let baseline = Dictionary(
    uniqueKeysWithValues: schedule.items.enumerated().map { index, item in
        (item.id, DateSpan(start: item.earlyStart, finish: item.earlyFinish.adding(days: index % 3 - 1)))
    })
func gantt() -> String {
    GanttChart.render(
        title: "Bench plan", rows: rows, milestones: milestones, today: LocalDate("2025-03-03")!,
        calendar: calendar, zoom: .day, labels: .english, baseline: baseline)
}
let bytes = gantt().utf8.count
report("gantt_2000", time(30) { _ = gantt() }, extra: " size \(bytes) bytes")

// Issue 9: drafting and rendering the status report of a 2,000-item project (goal < 50 ms), as the report job does
// it: the whole plan in (a third of it internal), the week's report drafted, rendered as HTML tables and as text.
let reportProject = UUID()
let reportMilestones = (0..<20).map { index in
    Milestone(
        id: UUID(), projectID: reportProject, name: "里程碑 M\(index)", description: nil,
        dueDate: LocalDate("2026-11-16")!.adding(days: index * 7), visibleToCustomer: index % 4 != 3)
}
var reportItems: [WorkItem] = []
var reportSchedule: [UUID: DateSpan] = [:]
var reportFinished: [UUID: LocalDate] = [:]
for index in 0..<2_000 {
    let start = LocalDate("2026-11-01")!.adding(days: index % 120)
    let finish = start.adding(days: 5)
    let item = WorkItem(
        id: UUID(), projectID: reportProject, title: index % 2 == 0 ? "任务 \(index) 设计评审与接口联调" : "Work item \(index) integration & review",
        startDate: start, dueDate: finish, milestoneID: reportMilestones[index % 20].id, visibleToCustomer: index % 3 != 0,
        progress: index % 5 == 0 ? 100 : 30, status: index % 5 == 0 ? .done : .doing)
    reportItems.append(item)
    reportSchedule[item.id] = DateSpan(start: start, finish: finish.adding(days: index % 7 == 0 ? 3 : 0))
    if index % 5 == 0 { reportFinished[item.id] = finish }
}
var reportDeliverables: [Deliverable] = []
var reportSubmitted: [UUID: LocalDate] = [:]
for index in 0..<40 {
    let deliverable = Deliverable(
        id: UUID(), milestoneID: reportMilestones[index % 20].id, projectID: reportProject, name: "交付物 \(index)", acceptanceCriteria: nil,
        status: index % 2 == 0 ? .submitted : .accepted, submissionNote: nil, link: nil, decisionComment: nil, decidedBy: nil,
        decidedAt: nil, createdAt: Date(timeIntervalSince1970: 1_790_000_000))
    reportDeliverables.append(deliverable)
    reportSubmitted[deliverable.id] = LocalDate("2026-12-01")!.adding(days: index % 10)
}
let reportInput = ReportInput(
    projectName: "Bench shop", language: .zhHans, period: LocalDate("2026-12-07")!...LocalDate("2026-12-13")!,
    today: LocalDate("2026-12-14")!, items: reportItems, milestones: reportMilestones, deliverables: reportDeliverables,
    schedule: reportSchedule, doneMilestones: Set(reportMilestones.prefix(3).map(\.id)), finishedOn: reportFinished,
    submittedOn: reportSubmitted, baselineDue: Dictionary(uniqueKeysWithValues: reportMilestones.map { ($0.id, $0.dueDate) }),
    calendar: calendar)
let reportLabels = ReportLabels(
    title: "项目进度报告", period: "周期", health: [:], sections: [:], milestones: "里程碑", waiting: "等待您确认", item: "事项",
    progress: "进度", date: "日期", dueDate: "截止", forecast: "预计", slip: "延误", submitted: "提交于", waitingDays: "天数", none: "无")
func draftAndRender() -> String {
    let content = ReportDrafter.draft(reportInput)
    return ReportRenderer.htmlTables(content, reportLabels) + ReportRenderer.text(content, reportLabels)
}
let reportBytes = draftAndRender().utf8.count
report("status_report_2000", time(100) { _ = draftAndRender() }, extra: " size \(reportBytes) bytes")
