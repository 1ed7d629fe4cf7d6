import Foundation

/// One day of a burn-up chart.
public struct BurnUpPoint: Hashable, Sendable {
    public let date: LocalDate
    /// Work the plan expected done by the end of `date`.
    public let planned: Double
    /// Work recorded done by the end of `date`; nil for days after today.
    public let actual: Double?

    public init(date: LocalDate, planned: Double, actual: Double?) {
        self.date = date
        self.planned = planned
        self.actual = actual
    }
}

/// The data of a burn-up chart: daily points and the total scope.
public struct BurnUpSeries: Hashable, Sendable {
    public let points: [BurnUpPoint]
    public let totalScope: Double

    public init(points: [BurnUpPoint], totalScope: Double) {
        self.points = points
        self.totalScope = totalScope
    }
}

/// A work item as the burn-up derivation needs it.
public struct BurnUpItem: Hashable, Sendable {
    public let id: UUID
    /// Estimated hours; nil or 0 counts as weight 0 when measuring hours.
    public let estimateHours: Double?
    public let plannedStart: LocalDate
    /// Inclusive.
    public let plannedDue: LocalDate

    public init(id: UUID, estimateHours: Double?, plannedStart: LocalDate, plannedDue: LocalDate) {
        self.id = id
        self.estimateHours = estimateHours
        self.plannedStart = plannedStart
        self.plannedDue = plannedDue
    }
}

/// A recorded change of an item's progress.
public struct ProgressChange: Hashable, Sendable {
    public let itemID: UUID
    public let date: LocalDate
    /// 0–100; values outside are clamped.
    public let percent: Int

    public init(itemID: UUID, date: LocalDate, percent: Int) {
        self.itemID = itemID
        self.date = date
        self.percent = percent
    }
}

/// What one unit of work is: estimated hours, or one item each.
public enum BurnUpMeasure: String, Hashable, Sendable {
    case hours, items
}

extension BurnUpSeries {
    /// Daily planned and actual work from `from` through `through`.
    ///
    /// Planned: each item's weight spread evenly over the working days from its planned start
    /// through its due date (all of it on the due date when none are working). Actual: each
    /// item's weight times its latest recorded progress on or before the day; days after
    /// `today` have no actual value. Changes for unknown items are ignored.
    public static func derive(
        items: [BurnUpItem], progress: [ProgressChange], from: LocalDate, through: LocalDate,
        today: LocalDate, measure: BurnUpMeasure, calendar: WorkingCalendar
    ) -> BurnUpSeries {
        let weights = items.map { measure == .items ? 1 : max($0.estimateHours ?? 0, 0) }
        var indexOf: [UUID: Int] = [:]
        for (index, item) in items.enumerated() where indexOf[item.id] == nil { indexOf[item.id] = index }
        let changes = progress.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
        let spans = items.map { item -> (first: Int, days: Int) in
            let first = calendar.workingDayOrdinal(of: item.plannedStart)
            let end = calendar.workingDayOrdinal(of: item.plannedDue.adding(days: 1))
            return (first, max(end - first, 0))
        }
        var percent = [Int](repeating: 0, count: items.count)
        var actualDone = 0.0
        var cursor = 0
        var points: [BurnUpPoint] = []
        var day = from
        while day <= through {
            while cursor < changes.count, changes[cursor].date <= day {
                let change = changes[cursor]
                cursor += 1
                guard let index = indexOf[change.itemID] else { continue }
                let clamped = min(max(change.percent, 0), 100)
                actualDone += weights[index] * Double(clamped - percent[index]) / 100
                percent[index] = clamped
            }
            let doneThrough = calendar.workingDayOrdinal(of: day.adding(days: 1))
            var planned = 0.0
            for index in items.indices {
                let span = spans[index]
                if span.days == 0 {
                    if items[index].plannedDue <= day { planned += weights[index] }
                } else {
                    let elapsed = min(max(doneThrough - span.first, 0), span.days)
                    planned += weights[index] * Double(elapsed) / Double(span.days)
                }
            }
            points.append(BurnUpPoint(date: day, planned: planned, actual: day <= today ? actualDone : nil))
            day = day.adding(days: 1)
        }
        return BurnUpSeries(points: points, totalScope: weights.reduce(0, +))
    }
}
