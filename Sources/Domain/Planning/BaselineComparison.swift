import Foundation

/// How far one item moved against the baseline.
public struct ItemSlip: Hashable, Sendable {
    public let id: UUID
    public let baseline: DateSpan
    public let current: DateSpan
    /// Working days the start moved; positive = later.
    public let startSlipDays: Int
    /// Working days the finish moved; positive = late.
    public let finishSlipDays: Int

    /// Whether the item now finishes after its baseline finish.
    public var hasSlipped: Bool { current.finish > baseline.finish }
}

/// How far one milestone's due date moved against the baseline.
public struct MilestoneSlip: Hashable, Sendable {
    public let id: UUID
    public let baselineDue: LocalDate
    public let currentDue: LocalDate
    /// Working days; positive = late.
    public let slipDays: Int
}

/// Compares the current plan with a frozen baseline.
public enum BaselineComparison {
    /// One row per item present in both, ordered by current start, then finish, then id.
    /// Items added or removed since the baseline have no row.
    public static func items(
        baseline: [UUID: DateSpan], current: [UUID: DateSpan],
        calendar: WorkingCalendar
    ) -> [ItemSlip] {
        var rows: [ItemSlip] = []
        for (id, now) in current {
            guard let then = baseline[id] else { continue }
            rows.append(
                ItemSlip(
                    id: id, baseline: then, current: now,
                    startSlipDays: slipDays(from: then.start, to: now.start, calendar: calendar),
                    finishSlipDays: slipDays(from: then.finish, to: now.finish, calendar: calendar)))
        }
        return rows.sorted {
            ($0.current.start, $0.current.finish, $0.id.uuidString) < ($1.current.start, $1.current.finish, $1.id.uuidString)
        }
    }

    /// One row per milestone present in both, ordered by current due date, then id.
    public static func milestones(
        baseline: [UUID: LocalDate], current: [UUID: LocalDate],
        calendar: WorkingCalendar
    ) -> [MilestoneSlip] {
        var rows: [MilestoneSlip] = []
        for (id, now) in current {
            guard let then = baseline[id] else { continue }
            rows.append(
                MilestoneSlip(
                    id: id, baselineDue: then, currentDue: now,
                    slipDays: slipDays(from: then, to: now, calendar: calendar)))
        }
        return rows.sorted { ($0.currentDue, $0.id.uuidString) < ($1.currentDue, $1.id.uuidString) }
    }

    /// Working days in `(from, to]` when `to` is later, negated when earlier; 0 for the same day.
    public static func slipDays(from baseline: LocalDate, to current: LocalDate, calendar: WorkingCalendar) -> Int {
        calendar.workingDayOrdinal(of: current.adding(days: 1)) - calendar.workingDayOrdinal(of: baseline.adding(days: 1))
    }
}
