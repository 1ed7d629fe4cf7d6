import Foundation
import Testing
@testable import Domain

@Suite struct BaselineComparisonTests {
    @Test func aFinishMovedFromFridayToTuesdaySlipsTwoWorkingDays() {
        // given
        let baseline = [itemID(1): DateSpan(start: ymd("2025-03-03"), finish: ymd("2025-03-07"))]
        let current = [itemID(1): DateSpan(start: ymd("2025-03-04"), finish: ymd("2025-03-11"))]
        // when
        let rows = BaselineComparison.items(baseline: baseline, current: current, calendar: .weekdays)
        // then
        #expect(rows.map(\.finishSlipDays) == [2])
        #expect(rows.map(\.startSlipDays) == [1])
        #expect(rows.first?.hasSlipped == true)
    }

    @Test func finishingEarlyGivesANegativeSlip() {
        // given
        let baseline = [itemID(1): DateSpan(start: ymd("2025-03-03"), finish: ymd("2025-03-10"))]
        let current = [itemID(1): DateSpan(start: ymd("2025-03-03"), finish: ymd("2025-03-07"))]
        // when
        let rows = BaselineComparison.items(baseline: baseline, current: current, calendar: .weekdays)
        // then
        #expect(rows.map(\.finishSlipDays) == [-1])
        #expect(rows.first?.hasSlipped == false)
    }

    @Test func holidaysDoNotCountAsSlip() {
        // given the finish moved across the National Day holiday, from Tue Sep 30 to Thu Oct 9
        let baseline = [itemID(1): DateSpan(start: ymd("2025-09-29"), finish: ymd("2025-09-30"))]
        let current = [itemID(1): DateSpan(start: ymd("2025-09-29"), finish: ymd("2025-10-09"))]
        // when
        let rows = BaselineComparison.items(baseline: baseline, current: current, calendar: nationalDay2025)
        // then
        #expect(rows.map(\.finishSlipDays) == [1])
    }

    @Test func itemsOutsideTheBaselineHaveNoRowAndRowsAreOrderedByStart() {
        // given item 3 is new since the baseline
        let baseline = [
            itemID(1): DateSpan(start: ymd("2025-03-03"), finish: ymd("2025-03-04")),
            itemID(2): DateSpan(start: ymd("2025-03-01"), finish: ymd("2025-03-04")),
        ]
        let current = [
            itemID(1): DateSpan(start: ymd("2025-03-05"), finish: ymd("2025-03-06")),
            itemID(2): DateSpan(start: ymd("2025-03-03"), finish: ymd("2025-03-04")),
            itemID(3): DateSpan(start: ymd("2025-03-03"), finish: ymd("2025-03-03")),
        ]
        // when
        let rows = BaselineComparison.items(baseline: baseline, current: current, calendar: .weekdays)
        // then
        #expect(rows.map(\.id) == [itemID(2), itemID(1)])
    }

    @Test func aMilestoneDueLaterSlipsByWorkingDays() {
        // given
        let baseline = [itemID(7): ymd("2025-03-14")]
        let current = [itemID(7): ymd("2025-03-19")]
        // when
        let rows = BaselineComparison.milestones(baseline: baseline, current: current, calendar: .weekdays)
        // then
        #expect(rows == [MilestoneSlip(id: itemID(7), baselineDue: ymd("2025-03-14"), currentDue: ymd("2025-03-19"), slipDays: 3)])
    }
}
