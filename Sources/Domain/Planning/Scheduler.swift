import Foundation

/// Critical-path scheduling over working days.
///
/// Each item starts as soon as its finish-to-start predecessors (plus lag) allow, but never
/// before its planned start. Late dates are computed backward from the project end; items with
/// zero slack are critical. Runs in O(items + dependencies) on Int-indexed arrays.
public enum Scheduler {
    /// Schedules `items` on `calendar`.
    /// - Throws: `PlanningError.cycle`, `.unknownPredecessor`, `.duplicateItem`, `.invalidDuration`.
    public static func schedule(_ items: [PlanItem], calendar: WorkingCalendar) throws(PlanningError) -> ProjectSchedule {
        if let bad = items.first(where: { $0.durationDays < 0 }) { throw .invalidDuration(bad.id) }
        let graph = try PlanGraph(items: items)
        let n = items.count
        guard n > 0 else {
            return ProjectSchedule(items: [], startDate: nil, endDate: nil, criticalPath: [], indexByID: [:])
        }
        // All arithmetic is on working-day ordinals; finishes are exclusive (start + duration).
        var duration = [Int](repeating: 0, count: n)
        var earlyStart = [Int](repeating: 0, count: n)
        for i in 0..<n {
            duration[i] = items[i].durationDays
            earlyStart[i] = calendar.ordinal(ofDayNumber: items[i].plannedStart.dayNumber)
        }
        var projectEnd = Int.min
        for node in graph.order {
            let finish = earlyStart[node] + duration[node]
            projectEnd = max(projectEnd, finish)
            for slot in graph.successorStart[node]..<graph.successorStart[node + 1] {
                let next = graph.successors[slot]
                earlyStart[next] = max(earlyStart[next], finish + graph.successorLags[slot])
            }
        }
        var lateFinish = [Int](repeating: projectEnd, count: n)
        for node in graph.order.reversed() {
            var latest = projectEnd
            for slot in graph.successorStart[node]..<graph.successorStart[node + 1] {
                let next = graph.successors[slot]
                latest = min(latest, lateFinish[next] - duration[next] - graph.successorLags[slot])
            }
            lateFinish[node] = latest
        }
        return assemble(
            items: items, graph: graph, calendar: calendar,
            duration: duration, earlyStart: earlyStart, lateFinish: lateFinish)
    }

    private static func assemble(
        items: [PlanItem], graph: PlanGraph, calendar: WorkingCalendar,
        duration: [Int], earlyStart: [Int], lateFinish: [Int]
    ) -> ProjectSchedule {
        // A zero-duration item sits on its start day; otherwise the finish is the last day worked.
        func finishDate(_ start: Int, _ days: Int) -> LocalDate {
            calendar.date(atWorkingDayOrdinal: days == 0 ? start : start + days - 1)
        }
        var result: [ScheduledItem] = []
        result.reserveCapacity(items.count)
        var indexByID: [UUID: Int] = [:]
        indexByID.reserveCapacity(items.count)
        var first = Int.max
        var lastFinish: LocalDate?
        for i in 0..<items.count {
            let lateStart = lateFinish[i] - duration[i]
            let slack = lateStart - earlyStart[i]
            let early = finishDate(earlyStart[i], duration[i])
            first = min(first, earlyStart[i])
            if lastFinish.map({ early > $0 }) ?? true { lastFinish = early }
            result.append(
                ScheduledItem(
                    id: items[i].id,
                    earlyStart: calendar.date(atWorkingDayOrdinal: earlyStart[i]),
                    earlyFinish: early,
                    lateStart: calendar.date(atWorkingDayOrdinal: lateStart),
                    lateFinish: finishDate(lateStart, duration[i]),
                    slackDays: slack,
                    isCritical: slack == 0))
            indexByID[items[i].id] = i
        }
        let critical = graph.order.filter { result[$0].isCritical }.map { items[$0].id }
        return ProjectSchedule(
            items: result, startDate: calendar.date(atWorkingDayOrdinal: first),
            endDate: lastFinish, criticalPath: critical, indexByID: indexByID)
    }
}
