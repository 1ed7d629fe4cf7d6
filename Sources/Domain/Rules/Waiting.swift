import Foundation

/// What a project waits on: the customer (a proposal to sign, a deliverable to accept) or the team
/// (a returned deliverable to rework) — as the flows say, so the dashboard and the portal agree.
public struct Waiting: Sendable, Equatable {
    public var onCustomer: Int
    public var onTeam: Int

    public init(scopes: [ScopeStatus], deliverables: [DeliverableStatus]) {
        onCustomer = scopes.filter(ScopeFlow.canSignOff).count + deliverables.filter(DeliverableFlow.waitsOnCustomer).count
        onTeam = deliverables.filter(DeliverableFlow.waitsOnTeam).count
    }
}
