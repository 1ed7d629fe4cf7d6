import Foundation

/// A finish-to-start link: the item may start `lagDays` working days after `predecessor` finishes.
public struct PlanDependency: Hashable, Sendable {
    public let predecessor: UUID
    /// Working days to wait after the predecessor's finish; negative values overlap (lead).
    public let lagDays: Int

    public init(predecessor: UUID, lagDays: Int = 0) {
        self.predecessor = predecessor
        self.lagDays = lagDays
    }
}

/// One work item as the scheduler sees it.
public struct PlanItem: Hashable, Sendable {
    public let id: UUID
    /// The earliest date the item may start (a start-no-earlier-than constraint).
    public let plannedStart: LocalDate
    /// Working days of work; 0 makes a milestone-like point.
    public let durationDays: Int
    public let dependencies: [PlanDependency]

    public init(id: UUID, plannedStart: LocalDate, durationDays: Int, dependencies: [PlanDependency] = []) {
        self.id = id
        self.plannedStart = plannedStart
        self.durationDays = durationDays
        self.dependencies = dependencies
    }
}
