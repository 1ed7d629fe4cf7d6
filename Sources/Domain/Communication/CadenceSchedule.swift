import Foundation

/// When a cadence falls due, as instants, computed on the project's calendar: the local date and time are fixed
/// ("Monday 09:00 in Shanghai"), so across a daylight-saving change the UTC instant moves and the local time does not.
/// A local time that does not exist on the day (a spring-forward gap) falls due at the first instant after the gap;
/// one that happens twice (fall back) falls due the first time.
///
/// Occurrences start at the anchor (the project's start date): weekly ones on the first such weekday on or after it,
/// fortnightly ones every 14 days from there, monthly ones on the first such weekday of each month from its month.
public struct CadenceSchedule: Sendable {
    public let cadence: Cadence
    public let timeZone: TimeZone
    public let anchor: LocalDate

    public init(cadence: Cadence, timeZone: TimeZone, anchor: LocalDate) {
        self.cadence = cadence
        self.timeZone = timeZone
        self.anchor = anchor
    }

    /// The latest occurrence at or before `instant`, nil before the first one.
    public func latest(atOrBefore instant: Date) -> Date? {
        let today = LocalDate(instant, in: timeZone)
        var date = latestDate(onOrBefore: today)
        while let candidate = date {
            let due = self.instant(of: candidate)
            if due <= instant { return due }
            date = dateBefore(candidate)
        }
        return nil
    }

    /// The first occurrence strictly after `instant`.
    public func next(after instant: Date) -> Date {
        var date = latestDate(onOrBefore: LocalDate(instant, in: timeZone)) ?? firstDate
        while self.instant(of: date) <= instant { date = dateAfter(date) }
        return self.instant(of: date)
    }

    /// Every occurrence in `from...through`, oldest first.
    public func occurrences(from start: Date, through end: Date) -> [Date] {
        guard start <= end else { return [] }
        var result: [Date] = []
        var date = latestDate(onOrBefore: LocalDate(start, in: timeZone)) ?? firstDate
        var due = instant(of: date)
        while due <= end {
            if due >= start { result.append(due) }
            date = dateAfter(date)
            due = instant(of: date)
        }
        return result
    }

    /// The local date of an occurrence at or before `instant` (its local day), for periods ("the week up to").
    public func localDate(of instant: Date) -> LocalDate { LocalDate(instant, in: timeZone) }

    // MARK: dates

    var firstDate: LocalDate {
        switch cadence.every {
        case .week, .twoWeeks:
            return anchor.adding(days: (cadence.weekday - anchor.isoWeekday + 7) % 7)
        case .month:
            let first = firstWeekday(year: anchor.year, month: anchor.month)
            return first >= anchor ? first : nextMonthDate(after: first)
        }
    }

    /// The last occurrence date on or before `date`, nil when `date` is before the first.
    func latestDate(onOrBefore date: LocalDate) -> LocalDate? {
        let first = firstDate
        guard date >= first else { return nil }
        switch cadence.every {
        case .week, .twoWeeks:
            let step = cadence.every == .week ? 7 : 14
            return first.adding(days: first.days(to: date) / step * step)
        case .month:
            let candidate = firstWeekday(year: date.year, month: date.month)
            if candidate <= date { return candidate }
            let (year, month) = date.month == 1 ? (date.year - 1, 12) : (date.year, date.month - 1)
            let previous = firstWeekday(year: year, month: month)
            return previous >= first ? previous : nil
        }
    }

    func dateAfter(_ date: LocalDate) -> LocalDate {
        switch cadence.every {
        case .week: date.adding(days: 7)
        case .twoWeeks: date.adding(days: 14)
        case .month: nextMonthDate(after: date)
        }
    }

    func dateBefore(_ date: LocalDate) -> LocalDate? {
        let previous: LocalDate
        switch cadence.every {
        case .week: previous = date.adding(days: -7)
        case .twoWeeks: previous = date.adding(days: -14)
        case .month:
            let (year, month) = date.month == 1 ? (date.year - 1, 12) : (date.year, date.month - 1)
            previous = firstWeekday(year: year, month: month)
        }
        return previous >= firstDate ? previous : nil
    }

    private func nextMonthDate(after date: LocalDate) -> LocalDate {
        let (year, month) = date.month == 12 ? (date.year + 1, 1) : (date.year, date.month + 1)
        return firstWeekday(year: year, month: month)
    }

    private func firstWeekday(year: Int, month: Int) -> LocalDate {
        let first = LocalDate(year: year, month: month, day: 1) ?? anchor
        return first.adding(days: (cadence.weekday - first.isoWeekday + 7) % 7)
    }

    /// The instant of the cadence's time on `date` in the project's time zone.
    func instant(of date: LocalDate) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let components = DateComponents(year: date.year, month: date.month, day: date.day, hour: cadence.hour, minute: cadence.minute)
        // Foundation resolves a gap forward and an ambiguous time to its first instant (the documented behaviour above).
        return calendar.date(from: components) ?? Date(timeIntervalSince1970: Double(date.dayNumber) * 86_400)
    }
}
