import Foundation

/// What a customer may see of a project's plan: the customer-visible work items and milestones.
/// Every reference a contact is sent (a dependency, the milestone an item belongs to) goes through
/// it, so a visible object never names a hidden one.
public struct CustomerVisibility: Sendable, Equatable {
    public var items: Set<UUID>
    public var milestones: Set<UUID>

    public init(items: Set<UUID>, milestones: Set<UUID>) {
        self.items = items
        self.milestones = milestones
    }

    /// The visible items and milestones of a plan.
    public init(items: [WorkItem], milestones: [Milestone]) {
        self.init(
            items: Set(AccessPolicy.shown(items, toCustomer: true).map(\.id)),
            milestones: Set(AccessPolicy.shown(milestones, toCustomer: true).map(\.id)))
    }

    /// The item's dependencies on items the customer may see.
    public func dependencies(of item: WorkItem) -> [WorkItem.Dependency] {
        item.dependencies.filter { items.contains($0.predecessorID) }
    }

    /// The item's milestone when the customer may see it, else nil.
    public func milestone(of item: WorkItem) -> UUID? {
        item.milestoneID.flatMap { milestones.contains($0) ? $0 : nil }
    }
}
