import Foundation
import Testing
@testable import Domain

/// A seeded random acyclic plan; `rankOrder` lists item indices so that every edge goes forward.
func randomPlan(items count: Int, dependencies edges: Int, seed: UInt64) -> (items: [PlanItem], rankOrder: [Int]) {
    var rng = SplitMix64(state: seed)
    let rank = Array(0..<count).shuffled(using: &rng)
    var links = [[PlanDependency]](repeating: [], count: count)
    var seen: Set<Int> = []
    while seen.count < edges {
        let a = Int.random(in: 0..<count, using: &rng)
        let b = Int.random(in: 0..<count, using: &rng)
        guard a != b else { continue }
        let (from, to) = rank[a] < rank[b] ? (a, b) : (b, a)
        guard seen.insert(from * count + to).inserted else { continue }
        links[to].append(PlanDependency(predecessor: itemID(from), lagDays: Int.random(in: 0...3, using: &rng)))
    }
    let items = (0..<count).map { index in
        PlanItem(
            id: itemID(index), plannedStart: ymd("2025-09-01").adding(days: Int.random(in: 0..<150, using: &rng)),
            durationDays: Int.random(in: 0...8, using: &rng), dependencies: links[index])
    }
    var order = [Int](repeating: 0, count: count)
    for (index, r) in rank.enumerated() { order[r] = index }
    return (items, order)
}

/// Early dates by plain date arithmetic on the calendar's public API, item by item in rank order.
func bruteForceEarlyDates(_ items: [PlanItem], rankOrder: [Int], calendar: WorkingCalendar) -> [(LocalDate, LocalDate)] {
    var dates = [(LocalDate, LocalDate)?](repeating: nil, count: items.count)
    for index in rankOrder {
        let item = items[index]
        var start = calendar.nextWorkingDay(onOrAfter: item.plannedStart)
        for link in item.dependencies {
            let pred = Int(link.predecessor.uuidString.suffix(12))!
            guard let (predStart, predFinish) = dates[pred] else { fatalError("rank order broken") }
            let ready =
                items[pred].durationDays == 0
                ? calendar.adding(workingDays: link.lagDays, to: predStart)
                : calendar.adding(workingDays: 1 + link.lagDays, to: predFinish)
            start = max(start, ready)
        }
        let finish = item.durationDays == 0 ? start : calendar.adding(workingDays: item.durationDays - 1, to: start)
        dates[index] = (start, finish)
    }
    return dates.map { $0! }
}

@Suite struct SchedulerRandomTests {
    static let plan = randomPlan(items: 5_000, dependencies: 10_000, seed: 20_250_901)

    @Test func earlyDatesOfALargeRandomPlanMatchABruteForceLongestPath() throws {
        // given
        let (items, order) = Self.plan
        // when
        let schedule = try Scheduler.schedule(items, calendar: nationalDay2025)
        let expected = bruteForceEarlyDates(items, rankOrder: order, calendar: nationalDay2025)
        // then
        let mismatches = zip(schedule.items, expected).filter { $0.earlyStart != $1.0 || $0.earlyFinish != $1.1 }
        #expect(mismatches.count == 0)
        #expect(schedule.endDate == expected.map(\.1).max())
    }

    @Test func noItemOfALargeRandomPlanHasNegativeSlack() throws {
        // given
        let (items, _) = Self.plan
        // when
        let schedule = try Scheduler.schedule(items, calendar: nationalDay2025)
        // then
        #expect(schedule.items.allSatisfy { $0.slackDays >= 0 && $0.lateStart >= $0.earlyStart })
    }

    @Test func theCriticalPathOfALargeRandomPlanReachesTheEndDate() throws {
        // given
        let (items, _) = Self.plan
        // when
        let schedule = try Scheduler.schedule(items, calendar: nationalDay2025)
        // then
        #expect(schedule.criticalPath.contains { schedule[$0]?.earlyFinish == schedule.endDate })
    }
}
