import Foundation

/// Something the team may show to the customer or keep internal.
public protocol CustomerVisible {
    var visibleToCustomer: Bool { get }
}

extension WorkItem: CustomerVisible {}
extension Milestone: CustomerVisible {}

/// A milestone's deliverables share its visibility.
extension MilestoneDetail: CustomerVisible {
    public var visibleToCustomer: Bool { milestone.visibleToCustomer }
}
