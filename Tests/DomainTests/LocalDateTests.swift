import Foundation
import Testing
@testable import Domain

private func day(_ text: String) -> LocalDate {
    guard let date = LocalDate(text) else { fatalError("bad test date \(text)") }
    return date
}

@Suite("LocalDate")
struct LocalDateTests {
    @Test("a well-formed date parses into its year, month and day")
    func parsesWellFormedDate() {
        // given
        let text = "2025-03-07"

        // when
        let date = LocalDate(text)

        // then
        #expect(date?.year == 2025)
        #expect(date?.month == 3)
        #expect(date?.day == 7)
    }

    @Test(
        "impossible calendar dates are refused",
        arguments: [
            "2025-02-30", "2025-04-31", "2025-00-10", "2025-13-01", "2025-01-00", "2025-01-32",
        ])
    func refusesImpossibleDates(_ text: String) {
        // given / when
        let date = LocalDate(text)

        // then
        #expect(date == nil)
    }

    @Test(
        "29 February exists only in leap years, including every 400th century year",
        arguments: [
            ("2024-02-29", true), ("2023-02-29", false), ("2000-02-29", true), ("2100-02-29", false),
        ])
    func leapDayExistsOnlyInLeapYears(_ text: String, exists: Bool) {
        // given / when
        let date = LocalDate(text)

        // then
        #expect((date != nil) == exists)
    }

    @Test(
        "years outside 1970–9999 are refused, the bounds themselves accepted",
        arguments: [
            ("1969-12-31", false), ("1970-01-01", true), ("9999-12-31", true), ("10000-01-01", false),
        ])
    func refusesYearsOutsideRange(_ text: String, accepted: Bool) {
        // given / when
        let date = LocalDate(text)

        // then
        #expect((date != nil) == accepted)
    }

    @Test("the memberwise initialiser refuses a year outside the range too")
    func memberwiseInitRefusesYearOutsideRange() {
        // given / when / then
        #expect(LocalDate(year: 1969, month: 12, day: 31) == nil)
        #expect(LocalDate(year: 10_000, month: 1, day: 1) == nil)
    }

    @Test(
        "anything but exactly YYYY-MM-DD is refused",
        arguments: [
            "2025-1-05", "2025-01-5", "2025-01-05T", "2025-01-05T00:00:00Z", " 2025-01-05", "2025-01-05 ",
            "2025/01/05", "+025-01-05", "2025-0a-05", "", "20250105",
        ])
    func refusesOtherShapes(_ text: String) {
        // given / when
        let date = LocalDate(text)

        // then
        #expect(date == nil)
    }

    @Test("description pads to YYYY-MM-DD and parses back to the same date")
    func descriptionRoundTrips() {
        // given
        let date = LocalDate(year: 2025, month: 3, day: 7)!

        // when
        let text = date.description

        // then
        #expect(text == "2025-03-07")
        #expect(LocalDate(text) == date)
    }

    @Test("day numbers agree with Foundation's Gregorian calendar across four centuries")
    func dayNumbersAgreeWithFoundation() {
        // given
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var mismatches: [Int] = []

        // when
        for dayNumber in stride(from: 0, to: 146_097, by: 7) {
            let parts = calendar.dateComponents(
                [.year, .month, .day],
                from: Date(timeIntervalSince1970: Double(dayNumber) * 86_400))
            let date = LocalDate(dayNumber: dayNumber)
            if date.year != parts.year || date.month != parts.month || date.day != parts.day
                || LocalDate(year: date.year, month: date.month, day: date.day)?.dayNumber != dayNumber
            {
                mismatches.append(dayNumber)
            }
        }

        // then
        #expect(mismatches.isEmpty)
    }

    @Test("1970-01-01 is day zero and a Thursday")
    func epochIsThursday() {
        // given
        let epoch = day("1970-01-01")

        // when / then
        #expect(epoch.dayNumber == 0)
        #expect(epoch.isoWeekday == 4)
    }

    @Test(
        "ISO weekdays run from Monday 1 to Sunday 7",
        arguments: [
            ("2026-11-30", 1), ("2026-12-02", 3), ("2026-12-05", 6), ("2026-11-29", 7),
        ])
    func isoWeekday(_ text: String, weekday: Int) {
        // given
        let date = day(text)

        // when / then
        #expect(date.isoWeekday == weekday)
    }

    @Test("Saturday and Sunday are the weekend, Friday and Monday are not")
    func weekend() {
        // given / when / then
        #expect(day("2026-12-05").isWeekend)
        #expect(day("2026-12-06").isWeekend)
        #expect(!day("2026-12-04").isWeekend)
        #expect(!day("2026-11-30").isWeekend)
    }

    @Test(
        "adding days crosses month, year and leap-day boundaries",
        arguments: [
            ("2025-01-31", 1, "2025-02-01"), ("2025-12-31", 1, "2026-01-01"), ("2024-02-28", 1, "2024-02-29"),
            ("2023-02-28", 1, "2023-03-01"), ("2025-03-01", -1, "2025-02-28"), ("2024-01-01", 366, "2025-01-01"),
            ("2025-05-05", 0, "2025-05-05"),
        ])
    func addingDays(_ start: String, days: Int, expected: String) {
        // given
        let date = day(start)

        // when
        let result = date.adding(days: days)

        // then
        #expect(result == day(expected))
    }

    @Test("days(to:) counts whole days, positive forwards and negative backwards")
    func daysTo() {
        // given
        let newYear2024 = day("2024-01-01")
        let newYear2025 = day("2025-01-01")

        // when / then
        #expect(newYear2024.days(to: newYear2025) == 366)
        #expect(newYear2025.days(to: newYear2024) == -366)
        #expect(newYear2025.days(to: newYear2025) == 0)
    }

    @Test("dates order by the calendar")
    func ordering() {
        // given / when / then
        #expect(day("2025-01-31") < day("2025-02-01"))
        #expect(day("2024-12-31") < day("2025-01-01"))
        #expect(!(day("2025-01-01") < day("2025-01-01")))
    }

    @Test("an instant after 16:00 UTC is already the next day in Shanghai")
    func instantInShanghaiIsNextDay() {
        // given
        let instant = ISO8601DateFormatter().date(from: "2026-11-29T17:00:00Z")!

        // when
        let inShanghai = LocalDate(instant, in: TimeZone(identifier: "Asia/Shanghai")!)
        let inUTC = LocalDate(instant, in: TimeZone(identifier: "UTC")!)

        // then
        #expect(inShanghai == day("2026-11-30"))
        #expect(inUTC == day("2026-11-29"))
    }

    @Test("one second before midnight in Shanghai is still the earlier day")
    func instantJustBeforeShanghaiMidnight() {
        // given
        let instant = ISO8601DateFormatter().date(from: "2026-11-29T15:59:59Z")!

        // when
        let date = LocalDate(instant, in: TimeZone(identifier: "Asia/Shanghai")!)

        // then
        #expect(date == day("2026-11-29"))
    }

    @Test("an instant in the morning UTC is still the previous day in Los Angeles")
    func instantInLosAngelesIsPreviousDay() {
        // given
        let instant = ISO8601DateFormatter().date(from: "2026-11-30T07:00:00Z")!

        // when
        let date = LocalDate(instant, in: TimeZone(identifier: "America/Los_Angeles")!)

        // then
        #expect(date == day("2026-11-29"))
    }
}
