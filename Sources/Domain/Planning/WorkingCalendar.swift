/// Which days are working days for one project: Monday to Friday, minus public holidays,
/// plus make-up working days (调休, e.g. a Saturday worked in exchange for a holiday).
///
/// Every date maps to a *working-day ordinal*: the number of working days before it since
/// 1970-01-01. Ordinals make working-day arithmetic a subtraction; conversions cost
/// O(log h) where h is the number of exceptional dates.
public struct WorkingCalendar: Hashable, Sendable {
    /// Weekdays that are not worked (public holidays, company days off).
    public let nonWorkingDates: Set<LocalDate>
    /// Weekend days that are worked (make-up working days). A date in both sets is not worked.
    public let workingDates: Set<LocalDate>

    /// Exceptional day numbers, ascending: weekday holidays and worked weekend days.
    private let exceptionDays: [Int]
    /// `exceptionShift[i]`: sum of +1 (worked weekend) / -1 (weekday off) over exceptions `0...i`.
    private let exceptionShift: [Int]
    /// `ordinalAfter[i]`: ordinal of the day after exception `i`; ascending, used by the inverse.
    private let ordinalAfter: [Int]

    /// A calendar with weekends off, `nonWorkingDates` off and `workingDates` worked.
    public init(nonWorkingDates: Set<LocalDate> = [], workingDates: Set<LocalDate> = []) {
        self.nonWorkingDates = nonWorkingDates
        self.workingDates = workingDates
        var shifts: [(day: Int, shift: Int)] = []
        for date in nonWorkingDates where !date.isWeekend { shifts.append((date.dayNumber, -1)) }
        for date in workingDates where date.isWeekend && !nonWorkingDates.contains(date) {
            shifts.append((date.dayNumber, 1))
        }
        shifts.sort { $0.day < $1.day }
        exceptionDays = shifts.map(\.day)
        var running = 0
        exceptionShift = shifts.map {
            running += $0.shift
            return running
        }
        var after: [Int] = []
        after.reserveCapacity(shifts.count)
        for (index, day) in exceptionDays.enumerated() {
            after.append(Self.weekdaysBefore(day + 1) + exceptionShift[index])
        }
        ordinalAfter = after
    }

    /// The standard Monday-to-Friday calendar.
    public static let weekdays = WorkingCalendar()

    public static func == (lhs: WorkingCalendar, rhs: WorkingCalendar) -> Bool {
        lhs.exceptionDays == rhs.exceptionDays && lhs.exceptionShift == rhs.exceptionShift
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(exceptionDays)
        hasher.combine(exceptionShift)
    }

    /// Whether work happens on `date`.
    public func isWorkingDay(_ date: LocalDate) -> Bool { isWorking(dayNumber: date.dayNumber) }

    /// `date` itself when it is a working day, else the first working day after it.
    public func nextWorkingDay(onOrAfter date: LocalDate) -> LocalDate {
        LocalDate(dayNumber: dayNumber(ofOrdinal: ordinal(ofDayNumber: date.dayNumber)))
    }

    /// The `count`-th working day after `date` (before it when negative); `date` itself for 0.
    /// Friday + 1 is Monday; Saturday + 1 is Monday too.
    public func adding(workingDays count: Int, to date: LocalDate) -> LocalDate {
        if count == 0 { return date }
        let base = count > 0 ? ordinal(ofDayNumber: date.dayNumber + 1) - 1 : ordinal(ofDayNumber: date.dayNumber)
        return LocalDate(dayNumber: dayNumber(ofOrdinal: base + count))
    }

    /// Working days in `start...end`, both included; 0 when `end` is before `start`.
    public func workingDays(from start: LocalDate, through end: LocalDate) -> Int {
        guard start <= end else { return 0 }
        return ordinal(ofDayNumber: end.dayNumber + 1) - ordinal(ofDayNumber: start.dayNumber)
    }

    /// The number of working days before `date` since 1970-01-01. For a working day this is
    /// its position; a non-working day shares the ordinal of the next working day.
    public func workingDayOrdinal(of date: LocalDate) -> Int { ordinal(ofDayNumber: date.dayNumber) }

    /// The working day whose ordinal is `ordinal` (the inverse of `workingDayOrdinal(of:)`).
    public func date(atWorkingDayOrdinal ordinal: Int) -> LocalDate {
        LocalDate(dayNumber: dayNumber(ofOrdinal: ordinal))
    }

    // MARK: - Day-number arithmetic

    func isWorking(dayNumber: Int) -> Bool {
        let weekday = Self.floorMod(dayNumber + 3, 7) < 5
        return exceptionIndex(of: dayNumber) == nil ? weekday : !weekday
    }

    func ordinal(ofDayNumber day: Int) -> Int {
        let count = exceptionsBefore(day)
        return Self.weekdaysBefore(day) + (count == 0 ? 0 : exceptionShift[count - 1])
    }

    func dayNumber(ofOrdinal ordinal: Int) -> Int {
        // Exceptions strictly before the answer are exactly those whose following day has an
        // ordinal <= `ordinal`; between exceptions the plain weekday formula holds.
        var low = 0
        var high = ordinalAfter.count
        while low < high {
            let mid = (low + high) >> 1
            if ordinalAfter[mid] <= ordinal { low = mid + 1 } else { high = mid }
        }
        let shift = low == 0 ? 0 : exceptionShift[low - 1]
        let candidate = Self.weekday(atWeekdayOrdinal: ordinal - shift)
        if low < exceptionDays.count, exceptionDays[low] <= candidate {
            // The next exception comes first; it can only be a worked weekend day holding this ordinal.
            return exceptionDays[low]
        }
        return candidate
    }

    private func exceptionsBefore(_ day: Int) -> Int {
        var low = 0
        var high = exceptionDays.count
        while low < high {
            let mid = (low + high) >> 1
            if exceptionDays[mid] < day { low = mid + 1 } else { high = mid }
        }
        return low
    }

    private func exceptionIndex(of day: Int) -> Int? {
        let index = exceptionsBefore(day)
        return index < exceptionDays.count && exceptionDays[index] == day ? index : nil
    }

    /// Monday-to-Friday days in `[1970-01-01, day)` (negative before the epoch).
    static func weekdaysBefore(_ day: Int) -> Int {
        // Shift so that 0 is Monday 1969-12-29; the three weekdays before the epoch are subtracted.
        let shifted = day + 3
        return 5 * floorDiv(shifted, 7) + min(floorMod(shifted, 7), 5) - 3
    }

    /// The weekday that has `ordinal` weekdays before it.
    static func weekday(atWeekdayOrdinal ordinal: Int) -> Int {
        let shifted = ordinal + 3
        return 7 * floorDiv(shifted, 5) + floorMod(shifted, 5) - 3
    }

    static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }
    static func floorMod(_ a: Int, _ b: Int) -> Int { a - b * floorDiv(a, b) }
}
