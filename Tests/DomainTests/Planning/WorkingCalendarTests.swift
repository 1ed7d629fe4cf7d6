import Testing
@testable import Domain

/// 2025 National Day: Oct 1–8 off, Sunday Sep 28 and Saturday Oct 11 worked (调休).
let nationalDay2025 = WorkingCalendar(
    nonWorkingDates: Set((1...8).map { ymd("2025-10-0\($0)") }),
    workingDates: [ymd("2025-09-28"), ymd("2025-10-11")])

@Suite struct WorkingCalendarTests {
    @Test func weekdaysAreWorkedAndWeekendsAreNot() {
        // given
        let calendar = WorkingCalendar.weekdays
        // when
        let monday = calendar.isWorkingDay(ymd("2025-03-03"))
        let saturday = calendar.isWorkingDay(ymd("2025-03-08"))
        // then
        #expect(monday && !saturday)
    }

    @Test func aPublicHolidayOnAWeekdayIsNotWorked() {
        // given a Wednesday inside the National Day holiday
        let holiday = ymd("2025-10-01")
        // when
        let worked = nationalDay2025.isWorkingDay(holiday)
        // then
        #expect(!worked)
    }

    @Test func aMakeUpSaturdayIsWorked() {
        // given
        let makeUp = ymd("2025-10-11")
        // when
        let worked = nationalDay2025.isWorkingDay(makeUp)
        // then
        #expect(worked)
    }

    @Test func nextWorkingDaySkipsTheWholeHoliday() {
        // given the first day of the holiday
        let start = ymd("2025-10-01")
        // when
        let next = nationalDay2025.nextWorkingDay(onOrAfter: start)
        // then
        #expect(next == ymd("2025-10-09"))
    }

    @Test func nextWorkingDayOfAWorkingDayIsItself() {
        // given
        let thursday = ymd("2025-10-09")
        // when
        let next = nationalDay2025.nextWorkingDay(onOrAfter: thursday)
        // then
        #expect(next == thursday)
    }

    @Test func addingOneWorkingDayToFridayGivesMonday() {
        // given
        let friday = ymd("2025-03-07")
        // when
        let result = WorkingCalendar.weekdays.adding(workingDays: 1, to: friday)
        // then
        #expect(result == ymd("2025-03-10"))
    }

    @Test func addingWorkingDaysLandsOnTheMakeUpSaturday() {
        // given Thursday Oct 9; Fri Oct 10 is +1, the make-up Saturday Oct 11 is +2
        let thursday = ymd("2025-10-09")
        // when
        let result = nationalDay2025.adding(workingDays: 2, to: thursday)
        // then
        #expect(result == ymd("2025-10-11"))
    }

    @Test func subtractingWorkingDaysSkipsTheHolidayBackwards() {
        // given Thursday after the holiday
        let thursday = ymd("2025-10-09")
        // when
        let result = nationalDay2025.adding(workingDays: -1, to: thursday)
        // then Tuesday Sep 30 (Oct 1–8 are off)
        #expect(result == ymd("2025-09-30"))
    }

    @Test func countsWorkingDaysInclusiveOfBothEnds() {
        // given Mon Sep 22 through Sun Oct 12: 15 weekdays, minus 6 holiday weekdays, plus 2 make-up days
        let start = ymd("2025-09-22")
        let end = ymd("2025-10-12")
        // when
        let count = nationalDay2025.workingDays(from: start, through: end)
        // then
        #expect(count == 11)
    }

    @Test func countIsZeroWhenTheEndIsBeforeTheStart() {
        // given
        let start = ymd("2025-03-10")
        let end = ymd("2025-03-03")
        // when
        let count = WorkingCalendar.weekdays.workingDays(from: start, through: end)
        // then
        #expect(count == 0)
    }

    @Test func ordinalConversionsMatchADayByDayWalkOnARandomCalendar() {
        // given a calendar with random holidays and make-up days over three years
        var rng = SplitMix64(state: 2025)
        let first = ymd("2024-01-01")
        let off = Set((0..<60).map { _ in first.adding(days: Int.random(in: 0..<1096, using: &rng)) })
        let on = Set((0..<30).map { _ in first.adding(days: Int.random(in: 0..<1096, using: &rng)) })
        let calendar = WorkingCalendar(nonWorkingDates: off, workingDates: on)
        // when walking every day and counting working days by hand
        var count = calendar.workingDayOrdinal(of: first)
        var mismatches = 0
        for offset in 0..<1096 {
            let date = first.adding(days: offset)
            let expectedWorked = !off.contains(date) && (!date.isWeekend || on.contains(date))
            if calendar.isWorkingDay(date) != expectedWorked { mismatches += 1 }
            if calendar.workingDayOrdinal(of: date) != count { mismatches += 1 }
            if expectedWorked {
                if calendar.date(atWorkingDayOrdinal: count) != date { mismatches += 1 }
                count += 1
            }
        }
        // then
        #expect(mismatches == 0)
    }
}
