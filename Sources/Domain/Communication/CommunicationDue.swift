import Foundation

/// What a communication plan asks the jobs to do at a given instant. Only the latest occurrence counts: after
/// downtime the report missed last Monday is drafted once, not once per missed week.
public enum CommunicationDue {
    /// Meetings from the cadence are put in the calendar this long before they take place, so invitations arrive
    /// in time.
    public static let meetingLead: TimeInterval = 7 * 86_400

    /// The report occurrence to draft at `now`: the latest one at or before `now`, when it is not before the plan was
    /// agreed and was not drafted for yet.
    public static func reportToDraft(
        _ plan: CommunicationPlan, timeZone: TimeZone, start: LocalDate, agreedAt: Date, draftedFor: Date?, now: Date
    ) -> Date? {
        let schedule = CadenceSchedule(cadence: plan.reportCadence, timeZone: timeZone, anchor: start)
        guard let latest = schedule.latest(atOrBefore: now), latest >= agreedAt else { return nil }
        if let draftedFor, draftedFor >= latest { return nil }
        return latest
    }

    /// The meeting occurrence to schedule at `now`: the next one, once it is within `meetingLead`, when it was not
    /// scheduled yet.
    public static func meetingToSchedule(
        _ plan: CommunicationPlan, timeZone: TimeZone, start: LocalDate, scheduledFor: Date?, now: Date
    ) -> Date? {
        guard let meetings = plan.meetings else { return nil }
        let next = CadenceSchedule(cadence: meetings.cadence, timeZone: timeZone, anchor: start).next(after: now)
        guard next.timeIntervalSince(now) <= meetingLead else { return nil }
        if let scheduledFor, scheduledFor >= next { return nil }
        return next
    }
}
