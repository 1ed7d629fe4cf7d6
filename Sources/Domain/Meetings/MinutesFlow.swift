import Foundation

/// What may happen to a meeting's minutes, and what an action item still asks of someone.
public enum MinutesFlow {
    /// A meeting may be rescheduled or called off until it has minutes (then it was held) and unless it is cancelled.
    public static func requireReschedulable(_ meeting: Meeting) throws {
        if meeting.isCancelled { throw DomainError.conflict("the meeting is cancelled") }
        if meeting.minutes != nil { throw DomainError.conflict("the meeting has minutes: it was held") }
    }

    /// The team may (re)write minutes of a meeting not called off until a contact confirmed them.
    public static func requireEditable(_ meeting: Meeting) throws {
        if meeting.isCancelled { throw DomainError.conflict("the meeting is cancelled") }
        try requireEditable(meeting.minutes)
    }

    /// The team may (re)write minutes until a contact confirmed them.
    public static func requireEditable(_ minutes: Minutes?) throws {
        if minutes?.status == .confirmed { throw DomainError.conflict("the minutes are confirmed and can no longer change") }
    }

    /// A contact confirms minutes that were written and not yet confirmed.
    public static func requireConfirmable(_ minutes: Minutes?) throws {
        guard let minutes else { throw DomainError.conflict("the meeting has no minutes to confirm yet") }
        guard minutes.status == .awaitingConfirmation else { throw DomainError.conflict("the minutes are already confirmed") }
    }

    /// The start of the work item a team action item becomes: the day of confirmation, or the due date when that is
    /// earlier (an item due before the minutes were confirmed is still planned, on its due date).
    public static func workStart(confirmedOn day: LocalDate, due: LocalDate) -> LocalDate { min(day, due) }

    /// An action item still open: a customer's until the team marks it done, a team's until its work item is done
    /// (`workDone` says which work items are); any item of unconfirmed minutes is not yet agreed, so not open.
    public static func isOpen(_ item: ActionItem, confirmed: Bool, workDone: Set<UUID>) -> Bool {
        guard confirmed, item.doneAt == nil else { return false }
        switch item.owner {
        case .customer: return true
        case .team: return item.workItemID.map { !workDone.contains($0) } ?? true
        }
    }
}
