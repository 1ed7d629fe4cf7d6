import Testing
@testable import Domain

@Suite struct WorkProgressTests {
    let fresh = WorkProgress.State(progress: 0, status: .todo)

    @Test func startingWorkMovesAnItemFromToDoToDoing() throws {
        #expect(try WorkProgress.apply(progress: 20, status: nil, to: fresh) == .init(progress: 20, status: .doing))
    }

    @Test func reachingAHundredPercentMeansDone() throws {
        #expect(try WorkProgress.apply(progress: 100, status: nil, to: .init(progress: 60, status: .doing)) == .init(progress: 100, status: .done))
    }

    @Test func markingDoneSetsAHundredPercent() throws {
        #expect(try WorkProgress.apply(progress: nil, status: .done, to: .init(progress: 30, status: .doing)) == .init(progress: 100, status: .done))
    }

    @Test func anExplicitStatusWinsOverTheInferredOne() throws {
        #expect(try WorkProgress.apply(progress: 50, status: .blocked, to: fresh) == .init(progress: 50, status: .blocked))
    }

    @Test func progressOnABlockedItemLeavesItBlocked() throws {
        #expect(try WorkProgress.apply(progress: 40, status: nil, to: .init(progress: 10, status: .blocked)) == .init(progress: 40, status: .blocked))
    }

    @Test func progressOutsideZeroToAHundredIsRefusedNamingTheField() {
        #expect(throws: DomainError.validation(field: "progress", rule: .range(lower: "0", upper: "100"))) {
            try WorkProgress.apply(progress: 101, status: nil, to: fresh)
        }
    }

    @Test func aDueDateBeforeTheStartIsRefusedNamingTheDueDate() {
        #expect(throws: DomainError.validation(field: "dueDate", rule: .dueBeforeStart)) {
            try Validate.span(start: LocalDate("2026-12-10")!, due: LocalDate("2026-12-09")!)
        }
        #expect(throws: Never.self) { try Validate.span(start: LocalDate("2026-12-10")!, due: LocalDate("2026-12-10")!) }
    }
}
