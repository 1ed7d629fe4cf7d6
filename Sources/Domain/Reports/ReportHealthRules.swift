import Foundation

/// Why a report suggests its health; the first reason found decides, the worst colour first.
public enum HealthReason: Equatable, Sendable {
    /// A customer-visible milestone is forecast more than `ReportHealthRules.redLateDays` working days late.
    case milestoneVeryLate(name: String, days: Int)
    /// A deliverable has waited on the customer for more than `ReportHealthRules.redWaitingDays` days.
    case deliverableWaiting(name: String, days: Int)
    /// A milestone is forecast late (by at most the red limit).
    case milestoneLate(name: String, days: Int)
    /// A milestone's expected date moved later than the latest baseline froze it.
    case milestoneSlipped(name: String, days: Int)
    case onPlan

    public var health: ReportHealth {
        switch self {
        case .milestoneVeryLate, .deliverableWaiting: .red
        case .milestoneLate, .milestoneSlipped: .amber
        case .onPlan: .green
        }
    }
}

/// The suggested health of a report (the team may change it before publishing):
/// - **red** when an open customer-visible milestone is forecast more than 5 working days past its due date, or a
///   deliverable has waited more than 10 calendar days for the customer's decision;
/// - **amber** when an open customer-visible milestone is forecast late at all, or its expected date (the later of
///   due and forecast) slipped against the latest baseline;
/// - **green** otherwise.
/// Milestones that are done count for neither. Only what the report shows is judged, so a hidden item never turns
/// a report red without the customer seeing why.
public enum ReportHealthRules {
    public static let redLateDays = 5
    public static let redWaitingDays = 10

    public static func reason(milestones: [ReportMilestone], waiting: [ReportWaiting]) -> HealthReason {
        let open = milestones.filter { !$0.done }
        if let worst = open.filter({ $0.late && $0.lateDays > redLateDays }).max(by: { $0.lateDays < $1.lateDays }) {
            return .milestoneVeryLate(name: worst.name, days: worst.lateDays)
        }
        if let longest = waiting.filter({ ($0.waitingDays ?? 0) > redWaitingDays }).max(by: { ($0.waitingDays ?? 0) < ($1.waitingDays ?? 0) }) {
            return .deliverableWaiting(name: longest.name, days: longest.waitingDays ?? 0)
        }
        if let late = open.filter(\.late).max(by: { $0.lateDays < $1.lateDays }) {
            return .milestoneLate(name: late.name, days: late.lateDays)
        }
        if let slipped = open.filter({ ($0.slipDays ?? 0) > 0 }).max(by: { ($0.slipDays ?? 0) < ($1.slipDays ?? 0) }) {
            return .milestoneSlipped(name: slipped.name, days: slipped.slipDays ?? 0)
        }
        return .onPlan
    }
}
