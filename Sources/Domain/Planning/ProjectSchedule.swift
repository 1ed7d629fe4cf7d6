import Foundation

/// An inclusive range of dates: work runs from `start` through `finish`.
public struct DateSpan: Hashable, Sendable {
    public let start: LocalDate
    public let finish: LocalDate

    public init(start: LocalDate, finish: LocalDate) {
        self.start = start
        self.finish = finish
    }
}

/// The critical-path dates of one item. Finishes are inclusive: the last working day of the work.
/// A zero-duration item starts and finishes on the first working day its predecessors allow.
public struct ScheduledItem: Hashable, Sendable {
    public let id: UUID
    public let earlyStart: LocalDate
    public let earlyFinish: LocalDate
    public let lateStart: LocalDate
    public let lateFinish: LocalDate
    /// Working days the item can slip without moving the project end.
    public let slackDays: Int
    public let isCritical: Bool

    /// The early dates, which are the dates the plan shows.
    public var span: DateSpan { DateSpan(start: earlyStart, finish: earlyFinish) }
}

/// The result of `Scheduler.schedule`: one entry per input item, in input order.
public struct ProjectSchedule: Sendable {
    public let items: [ScheduledItem]
    /// The earliest early start; nil only for an empty plan.
    public let startDate: LocalDate?
    /// The latest early finish; nil only for an empty plan.
    public let endDate: LocalDate?
    /// Zero-slack items in topological order.
    public let criticalPath: [UUID]
    private let indexByID: [UUID: Int]

    init(items: [ScheduledItem], startDate: LocalDate?, endDate: LocalDate?, criticalPath: [UUID], indexByID: [UUID: Int]) {
        self.items = items
        self.startDate = startDate
        self.endDate = endDate
        self.criticalPath = criticalPath
        self.indexByID = indexByID
    }

    /// The dates of item `id`, if it was part of the plan.
    public subscript(id: UUID) -> ScheduledItem? {
        indexByID[id].map { items[$0] }
    }

    /// Early dates by id, the shape `BaselineComparison` and `GanttChart` take.
    public var spans: [UUID: DateSpan] {
        Dictionary(uniqueKeysWithValues: items.map { ($0.id, $0.span) })
    }
}
