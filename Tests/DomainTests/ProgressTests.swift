import Foundation
import Testing
@testable import Domain

private let project = UUID(uuidString: "00000000-0000-0000-0000-00000000000a")!

private func day(_ text: String) -> LocalDate {
    guard let date = LocalDate(text) else { fatalError("bad test date \(text)") }
    return date
}

private func item(estimate: Double?, progress: Int, status: WorkItemStatus = .doing, due: String = "2025-03-31") -> WorkItem {
    WorkItem(
        id: UUID(), projectID: project, title: "Item", startDate: day("2025-03-01"), dueDate: day(due),
        estimateHours: estimate, progress: progress, status: status)
}

private func milestone(due: String) -> Milestone {
    Milestone(id: UUID(), projectID: project, name: "M", description: nil, dueDate: day(due), visibleToCustomer: true)
}

@Suite("ProjectProgress")
struct ProgressTests {
    @Test("a project without work items is 0 % done")
    func emptyIsZero() {
        // given / when
        let percent = ProjectProgress.percent(of: [])

        // then
        #expect(percent == 0)
    }

    @Test("progress is weighted by the estimate")
    func weightedByEstimate() {
        // given: 3 h at 50 % and 1 h at 10 % → (150 + 10) / 4
        let items = [item(estimate: 3, progress: 50), item(estimate: 1, progress: 10)]

        // when
        let percent = ProjectProgress.percent(of: items)

        // then
        #expect(percent == 40)
    }

    @Test("an item without an estimate weighs one hour")
    func missingEstimateWeighsOneHour() {
        // given
        let items = [item(estimate: nil, progress: 0), item(estimate: 1, progress: 100)]

        // when
        let percent = ProjectProgress.percent(of: items)

        // then
        #expect(percent == 50)
    }

    @Test("a done item counts as 100 % whatever its progress field says")
    func doneCountsAsHundred() {
        // given
        let items = [item(estimate: 2, progress: 20, status: .done), item(estimate: 2, progress: 0, status: .todo)]

        // when
        let percent = ProjectProgress.percent(of: items)

        // then
        #expect(percent == 50)
    }

    @Test("a zero-hour estimate still weighs a little, so it cannot divide by zero")
    func zeroEstimateWeighsALittle() {
        // given
        let items = [item(estimate: 0, progress: 0), item(estimate: 0, progress: 100)]

        // when
        let percent = ProjectProgress.percent(of: items)

        // then
        #expect(percent == 50)
    }

    @Test(
        "the percentage is rounded to the nearest whole number",
        arguments: [
            ([100, 0, 0], 33), ([100, 100, 0], 67),
        ])
    func rounding(_ progresses: [Int], expected: Int) {
        // given
        let items = progresses.map { item(estimate: 1, progress: $0) }

        // when
        let percent = ProjectProgress.percent(of: items)

        // then
        #expect(percent == expected)
    }

    @Test("an empty plan has no end date")
    func emptyPlanHasNoEndDate() {
        // given / when
        let end = ProjectProgress.endDate(items: [], milestones: [])

        // then
        #expect(end == nil)
    }

    @Test("the end date is the latest work item due date when items end last")
    func endDateFromItems() {
        // given
        let items = [item(estimate: 1, progress: 0, due: "2025-04-30"), item(estimate: 1, progress: 0, due: "2025-06-15")]
        let milestones = [milestone(due: "2025-05-01")]

        // when
        let end = ProjectProgress.endDate(items: items, milestones: milestones)

        // then
        #expect(end == day("2025-06-15"))
    }

    @Test("the end date is the latest milestone when a milestone ends last")
    func endDateFromMilestones() {
        // given
        let items = [item(estimate: 1, progress: 0, due: "2025-04-30")]
        let milestones = [milestone(due: "2025-07-01"), milestone(due: "2025-05-01")]

        // when
        let end = ProjectProgress.endDate(items: items, milestones: milestones)

        // then
        #expect(end == day("2025-07-01"))
    }
}
