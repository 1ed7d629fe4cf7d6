import Foundation

/// How much time one chart column spans.
public enum GanttZoom: String, Hashable, Sendable, CaseIterable {
    case day, week, month

    /// Horizontal pixels per calendar day.
    var pixelsPerDay: Double {
        switch self {
        case .day: 24
        case .week: 8
        case .month: 2.5
        }
    }
}

/// One work item line of the Gantt chart. Pass only items the viewer may see.
public struct GanttRow: Hashable, Sendable {
    public let id: UUID
    public let label: String
    /// The milestone name this item is grouped under; nil puts it in the "ungrouped" group.
    /// Pass nil when that milestone is hidden from the viewer: the name is printed as a header.
    public let group: String?
    public let start: LocalDate
    /// Inclusive: the last day of the work.
    public let finish: LocalDate
    /// 0–100; values outside are clamped.
    public let progress: Int
    public let status: WorkItemStatus
    public let isCritical: Bool
    /// Predecessor ids; arrows are drawn only to predecessors that are rows of the same chart.
    public let dependencies: [UUID]

    public init(
        id: UUID, label: String, group: String?, start: LocalDate, finish: LocalDate,
        progress: Int, status: WorkItemStatus, isCritical: Bool, dependencies: [UUID] = []
    ) {
        self.id = id
        self.label = label
        self.group = group
        self.start = start
        self.finish = finish
        self.progress = progress
        self.status = status
        self.isCritical = isCritical
        self.dependencies = dependencies
    }
}

/// A milestone drawn as a diamond on its group's header row.
public struct GanttMilestone: Hashable, Sendable {
    public let name: String
    public let date: LocalDate
    public let isDone: Bool
    /// Its work is forecast to finish on `forecast`, after `date`: drawn with a visible "late" mark, not colour alone.
    public let forecast: LocalDate?

    public init(name: String, date: LocalDate, isDone: Bool = false, forecast: LocalDate? = nil) {
        self.name = name
        self.date = date
        self.isDone = isDone
        self.forecast = forecast
    }

    /// Forecast past its due date and not done yet.
    public var isLate: Bool { !isDone && forecast.map { $0 > date } == true }
}

/// Already-translated words the Gantt chart shows in its legend, tooltips and description.
public struct GanttLabels: Hashable, Sendable {
    public var todo: String
    public var doing: String
    public var done: String
    public var blocked: String
    public var criticalPath: String
    public var milestone: String
    public var today: String
    public var baseline: String
    public var slipped: String
    /// Header of the group holding items without a milestone.
    public var ungrouped: String
    /// Plural noun for the description, e.g. "work items".
    public var workItems: String
    /// The mark next to a milestone whose work is forecast past its due date, and the word for its forecast.
    public var late: String
    public var forecast: String

    public init(
        todo: String, doing: String, done: String, blocked: String, criticalPath: String,
        milestone: String, today: String, baseline: String, slipped: String,
        ungrouped: String, workItems: String, late: String = "Late", forecast: String = "forecast"
    ) {
        self.todo = todo
        self.doing = doing
        self.done = done
        self.blocked = blocked
        self.criticalPath = criticalPath
        self.milestone = milestone
        self.today = today
        self.baseline = baseline
        self.slipped = slipped
        self.ungrouped = ungrouped
        self.workItems = workItems
        self.late = late
        self.forecast = forecast
    }

    /// Plain English words for Domain's own tests and benchmarks; the app passes the catalogue's.
    public static let english = GanttLabels(
        todo: "To do", doing: "In progress", done: "Done", blocked: "Blocked", criticalPath: "Critical path",
        milestone: "Milestone", today: "Today", baseline: "Baseline", slipped: "Slipped",
        ungrouped: "Other work", workItems: "work items")

    func word(for status: WorkItemStatus) -> String {
        switch status {
        case .todo: todo
        case .doing: doing
        case .done: done
        case .blocked: blocked
        }
    }
}
