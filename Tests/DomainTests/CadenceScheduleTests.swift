import Domain
import Foundation
import Testing

@Suite struct CadenceScheduleTests {
    static func instant(_ text: String) -> Date { try! Date(text, strategy: .iso8601) }
    static func schedule(_ every: Cadence.Every, weekday: Int, _ time: String, zone: String, anchor: String) -> CadenceSchedule {
        let (hour, minute) = Cadence.time(time)!
        return CadenceSchedule(
            cadence: Cadence(every: every, weekday: weekday, hour: hour, minute: minute), timeZone: TimeZone(identifier: zone)!,
            anchor: LocalDate(anchor)!)
    }

    @Test func weeklyOccurrencesKeepTheLocalTimeAcrossDaylightSaving() {
        // Berlin moves to summer time on Sunday 2026-03-29: Monday 09:00 is 08:00Z before and 07:00Z after.
        let berlin = Self.schedule(.week, weekday: 1, "09:00", zone: "Europe/Berlin", anchor: "2026-03-18")
        #expect(
            berlin.occurrences(from: Self.instant("2026-03-18T00:00:00Z"), through: Self.instant("2026-04-07T00:00:00Z")) == [
                Self.instant("2026-03-23T08:00:00Z"), Self.instant("2026-03-30T07:00:00Z"), Self.instant("2026-04-06T07:00:00Z"),
            ])
        // New York moves on 2026-03-08 (UTC-5 → UTC-4) and back on 2026-11-01.
        let newYork = Self.schedule(.week, weekday: 1, "09:00", zone: "America/New_York", anchor: "2026-10-20")
        #expect(newYork.next(after: Self.instant("2026-10-27T00:00:00Z")) == Self.instant("2026-11-02T14:00:00Z"))
        #expect(newYork.latest(atOrBefore: Self.instant("2026-11-01T23:00:00Z")) == Self.instant("2026-10-26T13:00:00Z"))
    }

    @Test func shanghaiHasNoDaylightSavingAndCountsInItsOwnDay() {
        // Friday 17:00 in Shanghai is 09:00Z; at 08:59Z on that Friday the latest occurrence is the week before.
        let shanghai = Self.schedule(.week, weekday: 5, "17:00", zone: "Asia/Shanghai", anchor: "2026-11-02")
        #expect(shanghai.latest(atOrBefore: Self.instant("2026-11-13T08:59:00Z")) == Self.instant("2026-11-06T09:00:00Z"))
        #expect(shanghai.latest(atOrBefore: Self.instant("2026-11-13T09:00:00Z")) == Self.instant("2026-11-13T09:00:00Z"))
        #expect(shanghai.latest(atOrBefore: Self.instant("2026-11-06T08:00:00Z")) == nil, "nothing before the first occurrence")
        #expect(shanghai.next(after: Self.instant("2026-11-13T09:00:00Z")) == Self.instant("2026-11-20T09:00:00Z"), "strictly after")
    }

    @Test func aTimeInTheSpringForwardGapFallsDueJustAfterIt() {
        // 02:30 does not exist in Berlin on 2026-03-29; the occurrence is 03:30 CEST = 01:30Z.
        let gap = Self.schedule(.week, weekday: 7, "02:30", zone: "Europe/Berlin", anchor: "2026-03-22")
        let dues = gap.occurrences(from: Self.instant("2026-03-22T00:00:00Z"), through: Self.instant("2026-04-06T00:00:00Z"))
        #expect(dues == [Self.instant("2026-03-22T01:30:00Z"), Self.instant("2026-03-29T01:30:00Z"), Self.instant("2026-04-05T00:30:00Z")])
    }

    @Test func fortnightlyCountsFromTheFirstWeekdayOnOrAfterTheAnchor() {
        // The anchor is a Wednesday; the first Monday after it is 2026-11-09, then every 14 days.
        let fortnight = Self.schedule(.twoWeeks, weekday: 1, "10:00", zone: "UTC", anchor: "2026-11-04")
        #expect(
            fortnight.occurrences(from: Self.instant("2026-11-01T00:00:00Z"), through: Self.instant("2026-12-08T00:00:00Z")) == [
                Self.instant("2026-11-09T10:00:00Z"), Self.instant("2026-11-23T10:00:00Z"), Self.instant("2026-12-07T10:00:00Z"),
            ])
        #expect(fortnight.latest(atOrBefore: Self.instant("2026-11-22T00:00:00Z")) == Self.instant("2026-11-09T10:00:00Z"))
    }

    @Test func monthlyIsTheFirstSuchWeekdayOfEachMonth() {
        // First Mondays: 2026-11-02 is before the anchor (11-03), so December's (12-07) is the first, then 2027-01-04.
        let monthly = Self.schedule(.month, weekday: 1, "09:30", zone: "Asia/Shanghai", anchor: "2026-11-03")
        #expect(
            monthly.occurrences(from: Self.instant("2026-11-01T00:00:00Z"), through: Self.instant("2027-02-02T00:00:00Z")) == [
                Self.instant("2026-12-07T01:30:00Z"), Self.instant("2027-01-04T01:30:00Z"), Self.instant("2027-02-01T01:30:00Z"),
            ])
        #expect(monthly.latest(atOrBefore: Self.instant("2027-01-03T00:00:00Z")) == Self.instant("2026-12-07T01:30:00Z"))
        #expect(monthly.latest(atOrBefore: Self.instant("2026-12-01T00:00:00Z")) == nil)
    }

    @Test func timesOfDayAreReadStrictly() {
        #expect(Cadence.time("09:05")! == (9, 5))
        #expect(Cadence.time("23:59")! == (23, 59))
        for bad in ["24:00", "9:05", "09:5", "09:60", "0905", "09:05:00", "", "٠٩:٠٥", "+9:05"] {
            #expect(Cadence.time(bad) == nil, "\(bad)")
        }
    }
}
