import Testing
@testable import Domain

/// Item `number` planned on `start` for `days` working days after `after` (predecessor number, lag).
func planItem(_ number: Int, _ start: String, _ days: Int, after: [(Int, Int)] = []) -> PlanItem {
    PlanItem(
        id: itemID(number), plannedStart: ymd(start), durationDays: days,
        dependencies: after.map { PlanDependency(predecessor: itemID($0.0), lagDays: $0.1) })
}

@Suite struct SchedulerTests {
    @Test func aChainRunsBackToBackAcrossTheWeekend() throws {
        // given A (3 days) → B (2 days) → C (1 day), all planned on Monday 2025-03-03
        let plan = [
            planItem(1, "2025-03-03", 3), planItem(2, "2025-03-03", 2, after: [(1, 0)]),
            planItem(3, "2025-03-03", 1, after: [(2, 0)]),
        ]
        // when
        let schedule = try Scheduler.schedule(plan, calendar: .weekdays)
        // then
        #expect(schedule.items.map(\.earlyStart) == [ymd("2025-03-03"), ymd("2025-03-06"), ymd("2025-03-10")])
        #expect(schedule.items.map(\.earlyFinish) == [ymd("2025-03-05"), ymd("2025-03-07"), ymd("2025-03-10")])
        #expect(schedule.endDate == ymd("2025-03-10"))
    }

    @Test func aDiamondPutsTheShortBranchOffTheCriticalPathWithSlack() throws {
        // given A (2) → B (3) → D (1) and A → C (1) → D
        let plan = [
            planItem(1, "2025-03-03", 2), planItem(2, "2025-03-03", 3, after: [(1, 0)]),
            planItem(3, "2025-03-03", 1, after: [(1, 0)]), planItem(4, "2025-03-03", 1, after: [(2, 0), (3, 0)]),
        ]
        // when
        let schedule = try Scheduler.schedule(plan, calendar: .weekdays)
        // then C can start Wed and must start by Fri: two days of slack
        #expect(schedule.criticalPath == [itemID(1), itemID(2), itemID(4)])
        #expect(schedule[itemID(3)]?.slackDays == 2)
        #expect(schedule[itemID(3)]?.lateStart == ymd("2025-03-07"))
        #expect(schedule[itemID(3)]?.lateFinish == ymd("2025-03-07"))
    }

    @Test func criticalItemsHaveLateDatesEqualToEarlyDates() throws {
        // given the same diamond
        let plan = [
            planItem(1, "2025-03-03", 2), planItem(2, "2025-03-03", 3, after: [(1, 0)]),
            planItem(3, "2025-03-03", 1, after: [(1, 0)]), planItem(4, "2025-03-03", 1, after: [(2, 0), (3, 0)]),
        ]
        // when
        let schedule = try Scheduler.schedule(plan, calendar: .weekdays)
        // then
        let critical = schedule.items.filter(\.isCritical)
        #expect(critical.allSatisfy { $0.lateStart == $0.earlyStart && $0.lateFinish == $0.earlyFinish && $0.slackDays == 0 })
    }

    @Test func aLagWaitsWorkingDaysAcrossTheWeekend() throws {
        // given A Mon–Thu (4 days), then B after a lag of 2 working days (Fri, Mon)
        let plan = [planItem(1, "2025-03-03", 4), planItem(2, "2025-03-03", 1, after: [(1, 2)])]
        // when
        let schedule = try Scheduler.schedule(plan, calendar: .weekdays)
        // then
        #expect(schedule[itemID(2)]?.earlyStart == ymd("2025-03-11"))
    }

    @Test func aHolidayInsideATaskStretchesItsFinish() throws {
        // given Wednesday 2025-03-05 is a holiday and A takes 3 working days from Monday
        let calendar = WorkingCalendar(nonWorkingDates: [ymd("2025-03-05")])
        let plan = [planItem(1, "2025-03-03", 3)]
        // when
        let schedule = try Scheduler.schedule(plan, calendar: calendar)
        // then Mon, Tue, Thu
        #expect(schedule.items[0].earlyFinish == ymd("2025-03-06"))
    }

    @Test func aMakeUpSaturdayIsUsedForWork() throws {
        // given A takes 2 days from Friday Oct 10, and Saturday Oct 11 is a make-up working day; B follows
        let plan = [planItem(1, "2025-10-10", 2), planItem(2, "2025-10-10", 1, after: [(1, 0)])]
        // when
        let schedule = try Scheduler.schedule(plan, calendar: nationalDay2025)
        // then
        #expect(schedule.items[0].earlyFinish == ymd("2025-10-11"))
        #expect(schedule.items[1].earlyStart == ymd("2025-10-13"))
    }

    @Test func aLaterPlannedStartWinsOverItsPredecessors() throws {
        // given A on Monday and B after A but planned no earlier than Thursday
        let plan = [planItem(1, "2025-03-03", 1), planItem(2, "2025-03-06", 1, after: [(1, 0)])]
        // when
        let schedule = try Scheduler.schedule(plan, calendar: .weekdays)
        // then B waits; A may slip until Wednesday
        #expect(schedule[itemID(2)]?.earlyStart == ymd("2025-03-06"))
        #expect(schedule[itemID(1)]?.slackDays == 2)
    }

    @Test func aPlannedStartOnAWeekendSnapsToMonday() throws {
        // given
        let plan = [planItem(1, "2025-03-08", 1)]
        // when
        let schedule = try Scheduler.schedule(plan, calendar: .weekdays)
        // then
        #expect(schedule.startDate == ymd("2025-03-10"))
    }

    @Test func aZeroDurationItemSitsOnTheDayAfterItsPredecessor() throws {
        // given A Mon–Tue, then a milestone-like item M, then B after M
        let plan = [
            planItem(1, "2025-03-03", 2), planItem(2, "2025-03-03", 0, after: [(1, 0)]),
            planItem(3, "2025-03-03", 1, after: [(2, 0)]),
        ]
        // when
        let schedule = try Scheduler.schedule(plan, calendar: .weekdays)
        // then
        #expect(schedule.items[1].earlyStart == ymd("2025-03-05"))
        #expect(schedule.items[1].earlyFinish == ymd("2025-03-05"))
        #expect(schedule.items[2].earlyStart == ymd("2025-03-05"))
    }

    @Test func aCycleIsRefusedNamingItsItemsInOrder() {
        // given A → B → C → A, plus D downstream of C
        let plan = [
            planItem(1, "2025-03-03", 1, after: [(3, 0)]), planItem(2, "2025-03-03", 1, after: [(1, 0)]),
            planItem(3, "2025-03-03", 1, after: [(2, 0)]), planItem(4, "2025-03-03", 1, after: [(3, 0)]),
        ]
        // when / then
        #expect(throws: PlanningError.cycle([itemID(1), itemID(2), itemID(3)])) {
            try Scheduler.schedule(plan, calendar: .weekdays)
        }
    }

    @Test func anUnknownPredecessorIsRefused() {
        // given B depends on an id that is not in the plan
        let plan = [planItem(1, "2025-03-03", 1), planItem(2, "2025-03-03", 1, after: [(99, 0)])]
        // when / then
        #expect(throws: PlanningError.unknownPredecessor(item: itemID(2), predecessor: itemID(99))) {
            try Scheduler.schedule(plan, calendar: .weekdays)
        }
    }

    @Test func aDuplicateIdIsRefused() {
        // given
        let plan = [planItem(1, "2025-03-03", 1), planItem(1, "2025-03-04", 2)]
        // when / then
        #expect(throws: PlanningError.duplicateItem(itemID(1))) {
            try Scheduler.schedule(plan, calendar: .weekdays)
        }
    }

    @Test func aNegativeDurationIsRefused() {
        // given
        let plan = [planItem(1, "2025-03-03", -1)]
        // when / then
        #expect(throws: PlanningError.invalidDuration(itemID(1))) {
            try Scheduler.schedule(plan, calendar: .weekdays)
        }
    }

    @Test func anEmptyPlanHasNoDates() throws {
        // given / when
        let schedule = try Scheduler.schedule([], calendar: .weekdays)
        // then
        #expect(schedule.startDate == nil && schedule.endDate == nil && schedule.items.isEmpty)
    }
}

@Suite struct PlanItemFromWorkItemTests {
    @Test func durationIsTheWorkingDaysFromStartThroughDue() {
        // given a work item from Friday through the next Tuesday, after item 7 with a lag of 1
        let item = WorkItem(
            id: itemID(1), projectID: itemID(100), title: "Build", startDate: ymd("2025-03-07"),
            dueDate: ymd("2025-03-11"), dependencies: [.init(predecessorID: itemID(7), lagDays: 1)])
        // when
        let planned = PlanItem(item, calendar: .weekdays)
        // then Fri, Mon, Tue
        #expect(planned.durationDays == 3)
        #expect(planned.dependencies == [PlanDependency(predecessor: itemID(7), lagDays: 1)])
    }
}
