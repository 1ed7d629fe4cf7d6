import Foundation

/// How well a project keeps its communication plan, from what actually happened.
///
/// - Reports: each report occurrence since the plan was agreed is due; it is kept when a report was published after
///   the previous occurrence's grace ended and before its own grace ends (a day after it falls due, so Monday's report
///   published Monday afternoon is on time, and one published the Friday before counts for Monday). An occurrence
///   still inside its grace is pending, not missed.
/// - Meetings: each meeting occurrence up to now is due; it is held when a meeting (not cancelled) started within half
///   a period either side of it.
/// - Replies: the medians of each side's reply times (from the response-time figures) against the target, and the
///   questions that wait longest.
public struct PlanAdherence: Sendable, Equatable {
    public struct Reports: Sendable, Equatable {
        public var due: Int
        public var onTime: Int
        /// The latest occurrence is inside its grace day and has no report yet.
        public var pending: Bool
        public var nextDueAt: Date
        public var missed: Int { due - onTime }
    }

    public struct Meetings: Sendable, Equatable {
        public var due: Int
        public var held: Int
        public var nextDueAt: Date
    }

    public struct Replies: Sendable, Equatable {
        public var targetHours: Int
        public var teamMedianHours: Double?
        public var customerMedianHours: Double?
        public var teamWithinTarget: Bool? { teamMedianHours.map { $0 <= Double(targetHours) } }
        public var customerWithinTarget: Bool? { customerMedianHours.map { $0 <= Double(targetHours) } }
    }

    /// A customer's question nobody on the team has answered yet.
    public struct WaitingQuestion: Sendable, Equatable {
        public var askedBy: String
        public var askedAt: Date
        public var excerpt: String
        public var hoursWaiting: Double
        public var overTarget: Bool

        public init(askedBy: String, askedAt: Date, excerpt: String, hoursWaiting: Double, overTarget: Bool) {
            self.askedBy = askedBy
            self.askedAt = askedAt
            self.excerpt = excerpt
            self.hoursWaiting = hoursWaiting
            self.overTarget = overTarget
        }
    }

    public var reports: Reports
    public var meetings: Meetings?
    public var replies: Replies
    /// Longest waiting first.
    public var waiting: [WaitingQuestion]

    /// How long after falling due a report still counts as on time.
    public static let reportGrace: TimeInterval = 86_400
    /// At most this many waiting questions are listed.
    public static let waitingShown = 5
}

/// What happened in a project, as the adherence needs it.
public struct CommunicationHistory: Sendable {
    public var publishedReports: [Date]
    /// Start instants of the meetings that took place or will (cancelled ones left out).
    public var meetings: [Date]
    public var teamMedianHours: Double?
    public var customerMedianHours: Double?
    /// Open customer questions: who asked, when, and the start of what they asked.
    public var openQuestions: [(askedBy: String, askedAt: Date, excerpt: String)]
    /// The customer's ratings (1–5) of reports.
    public var ratings: [Int]

    public init(
        publishedReports: [Date] = [], meetings: [Date] = [], teamMedianHours: Double? = nil, customerMedianHours: Double? = nil,
        openQuestions: [(askedBy: String, askedAt: Date, excerpt: String)] = [], ratings: [Int] = []
    ) {
        self.publishedReports = publishedReports
        self.meetings = meetings
        self.teamMedianHours = teamMedianHours
        self.customerMedianHours = customerMedianHours
        self.openQuestions = openQuestions
        self.ratings = ratings
    }
}

extension PlanAdherence {
    /// The adherence at `now` of `plan`, agreed at `since`, for a project in `timeZone` that starts on `start`.
    public static func compute(
        plan: CommunicationPlan, timeZone: TimeZone, start: LocalDate, since: Date, now: Date, history: CommunicationHistory
    ) -> PlanAdherence {
        let reportSchedule = CadenceSchedule(cadence: plan.reportCadence, timeZone: timeZone, anchor: start)
        let reports = reportFigures(reportSchedule.occurrences(from: since, through: now), published: history.publishedReports, now: now)
        let meetings = plan.meetings.map { meetings in
            let schedule = CadenceSchedule(cadence: meetings.cadence, timeZone: timeZone, anchor: start)
            let dues = schedule.occurrences(from: since, through: now)
            let half = meetings.cadence.nominalPeriod / 2
            let held = dues.filter { due in history.meetings.contains { $0 >= due - half && $0 < due + half } }.count
            return Meetings(due: dues.count, held: held, nextDueAt: schedule.next(after: now))
        }
        let target = Double(plan.responseTargetHours)
        let waiting = history.openQuestions
            .map { question in
                let hours = max(0, now.timeIntervalSince(question.askedAt) / 3600)
                return WaitingQuestion(
                    askedBy: question.askedBy, askedAt: question.askedAt, excerpt: question.excerpt, hoursWaiting: hours,
                    overTarget: hours > target)
            }
            .sorted { $0.askedAt < $1.askedAt }
        return PlanAdherence(
            reports: Reports(due: reports.due, onTime: reports.onTime, pending: reports.pending, nextDueAt: reportSchedule.next(after: now)),
            meetings: meetings,
            replies: Replies(
                targetHours: plan.responseTargetHours, teamMedianHours: history.teamMedianHours,
                customerMedianHours: history.customerMedianHours),
            waiting: Array(waiting.prefix(waitingShown)))
    }

    /// Due and kept report occurrences; each published report keeps at most one occurrence.
    static func reportFigures(_ dues: [Date], published: [Date], now: Date) -> (due: Int, onTime: Int, pending: Bool) {
        var due = 0
        var onTime = 0
        var pending = false
        var windowStart = Date.distantPast
        for occurrence in dues {
            let windowEnd = occurrence + reportGrace
            let kept = published.contains { $0 > windowStart && $0 <= windowEnd }
            if windowEnd > now && !kept {
                pending = true
            } else {
                due += 1
                if kept { onTime += 1 }
            }
            windowStart = windowEnd
        }
        return (due, onTime, pending)
    }
}
