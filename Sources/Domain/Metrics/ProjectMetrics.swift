import Foundation

/// A project's figures for the team: how dates held, how the communication plan was kept, how fast each side answered,
/// and how satisfied the customer was.
public struct ProjectMetrics: Sendable, Equatable {
    public struct ChangeRequests: Sendable, Equatable {
        public var count = 0
        public var approved = 0
        public var addedDays = 0
        public var addedCostMinor = 0
        public init() {}
    }

    /// Share (0–1) of the milestones that are due or done which were met on time; nil while none is due or done.
    public var onTimeMilestoneRate: Double?
    /// Working days the plan's end moved against the latest baseline (negative: earlier); 0 without a baseline.
    public var slipDays: Int
    public var changeRequests: ChangeRequests
    public var teamMedianHours: Double?
    public var customerMedianHours: Double?
    public var reportsDue: Int
    public var reportsOnTime: Int
    public var satisfactionAverage: Double?
    public var satisfactionCount: Int
    /// The reply target of the project's communication plan (nil without a plan), for charting replies against it.
    public var responseTargetHours: Int?

    public init(
        onTimeMilestoneRate: Double?, slipDays: Int, changeRequests: ChangeRequests = ChangeRequests(), teamMedianHours: Double?,
        customerMedianHours: Double?, reportsDue: Int, reportsOnTime: Int, satisfactionAverage: Double?, satisfactionCount: Int,
        responseTargetHours: Int? = nil
    ) {
        self.responseTargetHours = responseTargetHours
        self.onTimeMilestoneRate = onTimeMilestoneRate
        self.slipDays = slipDays
        self.changeRequests = changeRequests
        self.teamMedianHours = teamMedianHours
        self.customerMedianHours = customerMedianHours
        self.reportsDue = reportsDue
        self.reportsOnTime = reportsOnTime
        self.satisfactionAverage = satisfactionAverage
        self.satisfactionCount = satisfactionCount
    }
}

/// The rules behind the figures, one place each.
public enum MetricRules {
    /// A milestone counts once it is done (every deliverable accepted) or its due date has passed. It was met on time
    /// when its last deliverable was accepted on or before its due date (in the project's time zone); a milestone
    /// without deliverables is met when its work is forecast to finish by its due date.
    public static func onTimeRate(_ milestones: [MilestoneDetail], outlooks: [UUID: MilestoneOutlook], today: LocalDate, timeZone: TimeZone)
        -> Double?
    {
        var counted = 0
        var met = 0
        for detail in milestones {
            let due = detail.milestone.dueDate
            let accepted = detail.deliverables.map { $0.status == .accepted ? $0.decidedAt : nil }
            let done = !accepted.isEmpty && accepted.allSatisfy { $0 != nil }
            guard done || due < today else { continue }
            counted += 1
            if done {
                let last = accepted.compactMap { $0 }.max().map { LocalDate($0, in: timeZone) }
                if let last, last <= due { met += 1 }
            } else if detail.deliverables.isEmpty, let outlook = outlooks[detail.milestone.id], !outlook.late, outlook.forecastDate != nil {
                met += 1
            }
        }
        return counted == 0 ? nil : Double(met) / Double(counted)
    }

    /// The average rating (1–5) and how many ratings it is of; nil average without ratings.
    public static func satisfaction(_ ratings: [Int]) -> (average: Double?, count: Int) {
        guard !ratings.isEmpty else { return (nil, 0) }
        return (Double(ratings.reduce(0, +)) / Double(ratings.count), ratings.count)
    }
}
