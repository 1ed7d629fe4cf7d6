import Domain
import Foundation
import Testing
import Vapor
@testable import Web

/// The team's project page rendered from a hand-built model: no database.
@Suite struct ProjectPageViewTests {
    let projectID = UUID()

    func model() throws -> ProjectPageModel {
        let start = LocalDate("2026-12-01")!
        let design = WorkItem(
            id: UUID(), projectID: projectID, title: "Design", startDate: start, dueDate: LocalDate("2026-12-04")!,
            visibleToCustomer: true)
        var review = WorkItem(
            id: UUID(), projectID: projectID, title: "Internal review", startDate: start, dueDate: LocalDate("2026-12-02")!,
            visibleToCustomer: false)
        review.dependencies = [.init(predecessorID: design.id, lagDays: 0)]
        let items = [design, review]
        let schedule = try ProjectPlan.schedule(items, calendar: .weekdays, customerView: false)
        let plan = ProjectPlan(
            projectID: projectID, projectName: "Website", projectStart: start, timeZone: .gmt, items: items, milestones: [],
            doneMilestones: [], calendar: .weekdays, schedule: schedule, titles: [design.id: "Design", review.id: "Internal review"],
            milestoneDetails: [])
        return ProjectPageModel(
            projectID: projectID, name: "Website", customerName: "Harbor Bikes", status: .active, startDate: "2026-12-01",
            timeZone: "UTC", goals: ["Bookings before spring"], canManage: false, versions: [], memberNames: [:],
            plan: plan, summary: PlanSummary(plan, customerView: false), zoom: .week, selectedBaseline: nil,
            comparison: nil, baselines: [], pager: Pager(page: 1, count: 2, anchor: "work", path: "/projects/x"))
    }

    @Test func theTeamSeesInternalWorkMarkedAndWhereTheSchedulerMovedIt() async throws {
        let app = try await Application.make(.testing)
        let req = Request(application: app, on: app.eventLoopGroup.any())
        let c = PageContext(
            req: req, identity: .anonymous, language: .en, csrfToken: "csrf-token", newCSRFCookie: nil,
            languageFromQuery: nil, catalogue: try Catalogue.load())
        let html = ProjectPage.render(c, try model()).raw
        try await app.asyncShutdown()
        #expect(html.contains("Internal review") && html.contains("Internal"))
        // The review depends on the design, so the scheduler moves it after 4 December.
        #expect(html.contains("<s>2026-12-02</s>"))
        #expect(!html.contains("id=\"invite-link\""), "a member without the right to manage gets no invite button")
        #expect(html.contains("Harbor Bikes") && html.contains("zoom=week"))
    }
}
