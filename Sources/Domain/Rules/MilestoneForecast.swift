import Foundation

/// Where a milestone now falls: the latest forecast finish of its work, and whether that is past its due date.
public struct MilestoneOutlook: Equatable, Sendable {
    /// The latest forecast finish of the milestone's work items; nil when no scheduled item belongs to it.
    public var forecastDate: LocalDate?
    /// The work is forecast to finish after the due date.
    public var late: Bool

    public init(dueDate: LocalDate, finishes: [LocalDate]) {
        forecastDate = finishes.max()
        late = forecastDate.map { $0 > dueDate } ?? false
    }
}

public enum MilestoneForecast {
    /// The outlook of every milestone from the forecast finish of each work item (`finish`, nil when unscheduled).
    /// Pass only the items the viewer may see, so a hidden item's dates never show through a milestone.
    public static func outlooks(
        milestones: [Milestone], items: [WorkItem], finish: (UUID) -> LocalDate?
    ) -> [UUID: MilestoneOutlook] {
        var finishes: [UUID: [LocalDate]] = [:]
        for item in items {
            guard let milestone = item.milestoneID, let date = finish(item.id) else { continue }
            finishes[milestone, default: []].append(date)
        }
        return Dictionary(
            uniqueKeysWithValues: milestones.map { ($0.id, MilestoneOutlook(dueDate: $0.dueDate, finishes: finishes[$0.id] ?? [])) })
    }

    /// A project's end: the later of its last scheduled work and its last milestone; nil for an empty plan.
    public static func projectEnd(workEnd: LocalDate?, milestones: [Milestone]) -> LocalDate? {
        ([workEnd].compactMap { $0 } + milestones.map(\.dueDate)).max()
    }
}
