import Foundation

/// What a project waits on: the customer (a proposal to sign, a deliverable to accept) or the team
/// (a returned deliverable to rework, a scope version sent back) — as the flows say, so the dashboard and the
/// portal agree.
public struct Waiting: Sendable, Equatable {
    public var onCustomer: Int
    public var onTeam: Int

    /// `scopes` oldest first: only the newest version can be waiting on a new proposal. `minutesToConfirm` counts the
    /// customer-visible meetings whose minutes wait for a contact's confirmation, `actionItems` the customer's open action
    /// items of confirmed minutes (`MinutesFlow.isOpen`).
    public init(scopes: [ScopeStatus], deliverables: [DeliverableStatus], minutesToConfirm: Int = 0, actionItems: Int = 0) {
        onCustomer =
            scopes.filter(ScopeFlow.canSignOff).count + deliverables.filter(DeliverableFlow.waitsOnCustomer).count + minutesToConfirm
            + actionItems
        onTeam =
            deliverables.filter(DeliverableFlow.waitsOnTeam).count + (scopes.last.map { ScopeFlow.waitsOnTeam(newest: $0) } == true ? 1 : 0)
    }
}
