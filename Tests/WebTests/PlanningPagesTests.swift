import Foundation
import FoundationXML
import Testing
import TestSupport

/// The plan on the team's project page and in the customer portal.
@Suite struct PlanningPagesTests {
    private func svgs(in html: String) -> [String] {
        var found: [String] = []
        var rest = html[...]
        while let open = rest.range(of: "<svg xmlns="), let close = rest.range(of: "</svg>", range: open.upperBound..<rest.endIndex) {
            found.append(String(rest[open.lowerBound..<close.upperBound]))
            rest = rest[close.upperBound...]
        }
        return found
    }

    private func item(_ world: World, _ title: String, _ start: String, _ due: String, after: [String] = []) async throws -> String {
        let reply = try await world.client.json(.POST, "/api/v1/projects/\(world.projectB)/work-items", token: world.ownerToken, body: [
            "title": title, "startDate": start, "dueDate": due, "dependsOn": after, "visibleToCustomer": true])
        return try #require(reply.string("id"))
    }

    @Test func theTeamPageShowsGanttFlowchartAndBurnUpInline() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let session = try #require(await world.session(.owner))
            let page = try await world.client.page(.GET, "/projects/\(world.projectA)", cookies: ["tandem_session": session.token])
            #expect(page.status == .ok)
            for kind in ["chart gantt", "chart flow", "chart burnup"] { #expect(page.body.contains("class=\"\(kind)\""), "\(kind)") }
            #expect(!page.body.contains("<style>"))
            let charts = svgs(in: page.body)
            #expect(charts.count == 3)
            #expect(charts.allSatisfy { XMLParser(data: Data($0.utf8)).parse() })
            #expect(charts[0].contains("Secret refactor"))
            #expect(page.body.contains("id=\"new-baseline\""))
            #expect(page.body.contains("id=\"working-calendar\""))
        }
    }

    @Test func thePortalShowsTheBurnUpAndOnlyCustomerVisibleWork() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            _ = try await world.client.json(.PATCH, "/api/v1/work-items/\(world.visibleItem)", token: world.ownerToken,
                                            body: ["dependsOn": [world.hiddenItem.uuidString], "progress": 40])
            let session = try #require(await world.session(.approverA))
            let page = try await world.client.page(.GET, "/portal/projects/\(world.projectA)", cookies: ["tandem_session": session.token])
            #expect(page.status == .ok)
            #expect(page.body.contains("class=\"chart burnup\""))
            #expect(page.body.contains("class=\"chart gantt\""))
            let charts = svgs(in: page.body)
            #expect(charts.count == 3)
            #expect(charts.allSatisfy { XMLParser(data: Data($0.utf8)).parse() })
            #expect(charts[0].contains("Design"))
            #expect(!page.body.contains("Secret refactor"))
            #expect(!page.body.contains("Internal review"))
            #expect(!page.body.contains(world.hiddenItem.uuidString))
            // The hidden predecessor still pushes the visible item to Monday 7 – Thursday 10 December.
            #expect(page.body.contains("2026-12-10"))
        }
    }

    @Test func savingABaselineOnThePageLeadsToTheComparisonTable() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            let a = try await item(world, "Wireframes", "2026-12-03", "2026-12-04")
            _ = try await item(world, "Build", "2026-12-03", "2026-12-04", after: [a])
            let session = try #require(await world.session(.owner))
            let cookies = ["tandem_session": session.token]
            // when
            let saved = try await world.client.page(.POST, "/projects/\(world.projectB)/baselines", cookies: cookies,
                                                    form: ["_csrf": session.csrf, "name": "Kick-off"])
            let edited = try await world.client.page(.POST, "/work-items/\(a)/edit", cookies: cookies,
                                                     form: ["_csrf": session.csrf, "dueDate": "2026-12-08", "dependenciesShown": "1"])
            let location = try #require(saved.location)
            let page = try await world.client.page(.GET, location, cookies: cookies)
            // then
            #expect(saved.status == .seeOther)
            #expect(location.contains("?baseline="))
            #expect(edited.status == .seeOther)
            #expect(page.status == .ok)
            #expect(page.body.contains("id=\"baseline-comparison\""))
            #expect(page.body.contains("Kick-off"))
            #expect(page.body.contains("<td class=\"num\">+2</td>"))
        }
    }

    @Test func editingDependenciesOnThePageRefusesACycle() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let a = try await item(world, "Wireframes", "2026-12-03", "2026-12-04")
            let b = try await item(world, "Build", "2026-12-03", "2026-12-04", after: [a])
            let session = try #require(await world.session(.owner))
            let reply = try await world.client.page(.POST, "/work-items/\(a)/edit", cookies: ["tandem_session": session.token],
                                                    form: ["_csrf": session.csrf, "dependenciesShown": "1", "dependsOn[]": b])
            #expect(reply.status == .conflict)
        }
    }

    @Test func aHolidayEnteredOnThePageMovesTheEndDate() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let a = try await item(world, "Wireframes", "2026-12-03", "2026-12-04")
            _ = try await item(world, "Build", "2026-12-03", "2026-12-04", after: [a])
            let session = try #require(await world.session(.owner))
            let saved = try await world.client.page(.POST, "/projects/\(world.projectB)/calendar", cookies: ["tandem_session": session.token],
                                                    form: ["_csrf": session.csrf, "nonWorkingDates": "2026-12-07\r\n", "workingDates": ""])
            let project = try await world.client.json(.GET, "/api/v1/projects/\(world.projectB)", token: world.ownerToken)
            #expect(saved.status == .seeOther)
            #expect(project.string("endDate") == "2026-12-09")
        }
    }
}
