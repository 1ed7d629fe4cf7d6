import Foundation

/// Why a plan cannot be scheduled. The web layer answers 409 for `cycle`, 400 for the others.
public enum PlanningError: Error, Equatable, Sendable {
    /// The items form a dependency cycle; ids in cycle order, starting with the earliest-listed item.
    case cycle([UUID])
    /// `item` depends on `predecessor`, which is not part of the plan.
    case unknownPredecessor(item: UUID, predecessor: UUID)
    /// The same id appears more than once.
    case duplicateItem(UUID)
    /// The duration is negative.
    case invalidDuration(UUID)
}
