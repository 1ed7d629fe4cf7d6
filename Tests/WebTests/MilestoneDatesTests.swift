import Domain
import Fluent
import Foundation
import Persistence
import Testing
import TestSupport
import Vapor
@testable import Web

/// One story of dates: the project ends with its work or its milestones, and a milestone whose work is
/// forecast past its due date says so everywhere.
@Suite struct MilestoneDatesTests {
    func item(_ world: World, _ title: String, due: String, milestone: UUID, visible: Bool) async throws {
        let reply = try await world.client.json(
            .POST, "/api/v1/projects/\(world.projectA)/work-items", token: world.ownerToken,
            body: [
                "title": title, "startDate": "2026-12-14", "dueDate": due, "dependsOn": [String](), "visibleToCustomer": visible,
                "milestoneId": milestone.uuidString,
            ])
        #expect(reply.status == .created)
    }

    func milestone(_ reply: Reply, _ id: UUID) -> [String: any Sendable]? {
        reply.items.first { $0["id"] as? String == id.uuidString.lowercased() || $0["id"] as? String == id.uuidString }
    }

    @Test func theProjectEndsWithItsLastMilestoneWhenTheWorkEndsEarlier() async throws {
        try await withTestApp { app, _ in
            // given work ending 2026-12-05 and milestones due 2026-12-20
            let world = try await World.make(app)
            let viewer = try #require(try await world.token(.viewerA))
            // when / then
            for token in [world.ownerToken, viewer] {
                let project = try await world.client.json(.GET, "/api/v1/projects/\(world.projectA)", token: token)
                #expect(project.string("endDate") == "2026-12-20")
            }
        }
    }

    @Test func aMilestoneWhoseWorkIsForecastPastItsDueDateIsLateForTheTeamAndTheContact() async throws {
        try await withTestApp { app, _ in
            // given a visible item finishing 2026-12-28 and a hidden one 2027-01-08 on the visible milestone due 2026-12-20
            let world = try await World.make(app)
            let viewer = try #require(try await world.token(.viewerA))
            try await item(world, "Build", due: "2026-12-28", milestone: world.visibleMilestone, visible: true)
            try await item(world, "Hidden work", due: "2027-01-08", milestone: world.visibleMilestone, visible: false)
            // when
            let team = try await world.client.json(.GET, "/api/v1/projects/\(world.projectA)/milestones", token: world.ownerToken)
            let customer = try await world.client.json(.GET, "/api/v1/projects/\(world.projectA)/milestones", token: viewer)
            // then
            let teamView = try #require(milestone(team, world.visibleMilestone))
            #expect(teamView["late"] as? Bool == true)
            #expect(teamView["forecastDate"] as? String == "2027-01-08")
            let customerView = try #require(milestone(customer, world.visibleMilestone))
            #expect(customerView["late"] as? Bool == true)
            #expect(customerView["forecastDate"] as? String == "2026-12-28")
            // a milestone without work has an explicit null forecast and is on time
            let hidden = try #require(milestone(team, world.hiddenMilestone))
            #expect(hidden.keys.contains("forecastDate"))
            #expect(hidden["forecastDate"] as? String == nil)
            #expect(hidden["late"] as? Bool == false)
            // and the project's end follows the work
            let project = try await world.client.json(.GET, "/api/v1/projects/\(world.projectA)", token: viewer)
            #expect(project.string("endDate") == "2026-12-28")
        }
    }

    @Test func aLateMilestoneIsMarkedOnTheTeamPageThePortalTheGanttAndThePrintedPlan() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            try await item(world, "Build", due: "2026-12-28", milestone: world.visibleMilestone, visible: true)
            let owner = try #require(try await world.session(.owner))
            let contact = try #require(try await world.session(.approverA))
            // when
            let team = try await world.client.page(.GET, "/projects/\(world.projectA)", cookies: ["tandem_session": owner.token]).body
            let portal = try await world.client.page(.GET, "/portal/projects/\(world.projectA)", cookies: ["tandem_session": contact.token]).body
            let gantt = try await world.client.page(
                .GET, "/portal/projects/\(world.projectA)/gantt.svg", cookies: ["tandem_session": contact.token]
            ).body
            // then
            #expect(team.contains("<span class=\"tag late\" data-late=\"true\">⚠ Late</span>"))
            #expect(portal.contains("<span class=\"tag late\" data-late=\"true\">⚠ 延期</span>"))
            #expect(portal.contains("预计 2026-12-28 完成，晚于截止日期"))
            #expect(gantt.contains(">⚠ 延期</text>"))
            // the plan section (what prints) lists it outside the no-print cards
            let plan = try #require(team.range(of: "id=\"plan\"").map { String(team[$0.lowerBound...].prefix { $0 != "§" }) })
            let planSection = String(plan[..<(plan.range(of: "</section>")?.lowerBound ?? plan.endIndex)])
            #expect(planSection.contains("id=\"late-milestones\""))
            #expect(planSection.contains("Design sign-off"))
        }
    }
}
