import Foundation
import Testing
@testable import Domain

@Suite("Milestone forecast and lateness")
struct MilestoneForecastTests {
    let projectID = UUID()

    func milestone(_ due: String) -> Milestone {
        Milestone(id: UUID(), projectID: projectID, name: "设计确认", description: nil, dueDate: LocalDate(due)!, visibleToCustomer: true)
    }

    func item(milestone: UUID?) -> WorkItem {
        WorkItem(
            id: UUID(), projectID: projectID, title: "work", startDate: LocalDate("2026-12-01")!, dueDate: LocalDate("2026-12-05")!,
            milestoneID: milestone, visibleToCustomer: true)
    }

    @Test("a milestone whose latest work finishes after its due date is late, with that finish as its forecast")
    func lateWhenWorkFinishesAfterDue() {
        // given
        let m = milestone("2026-12-10")
        let early = item(milestone: m.id)
        let late = item(milestone: m.id)
        let finishes = [early.id: LocalDate("2026-12-08")!, late.id: LocalDate("2026-12-14")!]

        // when
        let outlook = MilestoneForecast.outlooks(milestones: [m], items: [early, late], finish: { finishes[$0] })[m.id]

        // then
        #expect(outlook == MilestoneOutlook(dueDate: m.dueDate, finishes: [LocalDate("2026-12-14")!]))
        #expect(outlook?.forecastDate == LocalDate("2026-12-14"))
        #expect(outlook?.late == true)
    }

    @Test("work finishing on the due date is on time")
    func onTimeOnDueDate() {
        let outlook = MilestoneOutlook(dueDate: LocalDate("2026-12-10")!, finishes: [LocalDate("2026-12-10")!, LocalDate("2026-12-02")!])
        #expect(outlook.forecastDate == LocalDate("2026-12-10"))
        #expect(!outlook.late)
    }

    @Test("a milestone without scheduled work has no forecast and is not late")
    func noWork() {
        let m = milestone("2026-12-10")
        let other = item(milestone: nil)
        let outlook = MilestoneForecast.outlooks(milestones: [m], items: [other], finish: { _ in LocalDate("2027-03-01")! })[m.id]
        #expect(outlook?.forecastDate == nil)
        #expect(outlook?.late == false)
    }

    @Test("the project ends with the later of its work and its milestones")
    func projectEnd() {
        let m = milestone("2027-01-20")
        #expect(MilestoneForecast.projectEnd(workEnd: LocalDate("2027-01-10")!, milestones: [m]) == LocalDate("2027-01-20"))
        #expect(MilestoneForecast.projectEnd(workEnd: LocalDate("2027-02-01")!, milestones: [m]) == LocalDate("2027-02-01"))
        #expect(MilestoneForecast.projectEnd(workEnd: nil, milestones: []) == nil)
    }
}
