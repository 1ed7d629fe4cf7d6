import Foundation
import FoundationXML
import Testing
import TestSupport

/// The plan on the team's project page and in the customer portal.
@Suite struct PlanningPagesTests {
    /// Follows every `<object data=…>` of the page with the same cookies: the charts as the browser gets them.
    private func charts(in page: Reply, cookies: [String: String], world: World) async throws -> [Reply] {
        var found: [Reply] = []
        var rest = page.body[...]
        while let open = rest.range(of: "<object type=\"image/svg+xml\" data=\"") {
            let url = String(rest[open.upperBound...].prefix { $0 != "\"" }).replacingOccurrences(of: "&amp;", with: "&")
            found.append(try await world.client.page(.GET, url, cookies: cookies))
            rest = rest[open.upperBound...]
        }
        return found
    }

    private func item(_ world: World, _ title: String, _ start: String, _ due: String, after: [String] = []) async throws -> String {
        let reply = try await world.client.json(
            .POST, "/api/v1/projects/\(world.projectB)/work-items", token: world.ownerToken,
            body: [
                "title": title, "startDate": start, "dueDate": due, "dependsOn": after, "visibleToCustomer": true,
            ])
        return try #require(reply.string("id"))
    }

    @Test func theTeamPageEmbedsGanttFlowchartAndBurnUp() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let session = try #require(await world.session(.owner))
            let cookies = ["tandem_session": session.token]
            let page = try await world.client.page(.GET, "/projects/\(world.projectA)", cookies: cookies)
            #expect(page.status == .ok)
            for kind in ["chart gantt", "chart flow", "chart burnup"] { #expect(page.body.contains("class=\"\(kind)\""), "\(kind)") }
            #expect(!page.body.contains("<style>"))
            let charts = try await charts(in: page, cookies: cookies, world: world)
            #expect(charts.count == 3)
            #expect(charts.allSatisfy { $0.status == .ok && $0.headers.contentType?.subType == "svg+xml" })
            #expect(charts.allSatisfy { XMLParser(data: Data($0.body.utf8)).parse() })
            #expect(charts.first?.body.contains("Secret refactor") == true)
            #expect(charts.first?.headers.first(name: "Content-Security-Policy")?.contains("script") == false)
            #expect(page.body.contains("id=\"new-baseline\""))
            #expect(page.body.contains("id=\"working-calendar\""))
        }
    }

    @Test func thePortalShowsTheBurnUpAndOnlyCustomerVisibleWork() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            _ = try await world.client.json(
                .PATCH, "/api/v1/work-items/\(world.visibleItem)", token: world.ownerToken,
                body: ["dependsOn": [world.hiddenItem.uuidString], "progress": 40])
            let session = try #require(await world.session(.approverA))
            let cookies = ["tandem_session": session.token]
            let page = try await world.client.page(.GET, "/portal/projects/\(world.projectA)", cookies: cookies)
            #expect(page.status == .ok)
            #expect(page.body.contains("class=\"chart burnup\""))
            #expect(page.body.contains("class=\"chart gantt\""))
            let charts = try await charts(in: page, cookies: cookies, world: world)
            #expect(charts.count == 3)
            #expect(charts.allSatisfy { XMLParser(data: Data($0.body.utf8)).parse() })
            #expect(charts.first?.body.contains("Design") == true)
            for text in [page.body] + charts.map(\.body) {
                #expect(!text.contains("Secret refactor"))
                #expect(!text.contains("Internal review"))
                #expect(!text.contains(world.hiddenItem.uuidString))
            }
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
            let saved = try await world.client.page(
                .POST, "/projects/\(world.projectB)/baselines", cookies: cookies,
                form: ["_csrf": session.csrf, "name": "Kick-off"])
            let edited = try await world.client.page(
                .POST, "/work-items/\(a)/edit", cookies: cookies,
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
            let reply = try await world.client.page(
                .POST, "/work-items/\(a)/edit", cookies: ["tandem_session": session.token],
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
            let saved = try await world.client.page(
                .POST, "/projects/\(world.projectB)/calendar", cookies: ["tandem_session": session.token],
                form: ["_csrf": session.csrf, "nonWorkingDates": "2026-12-07\r\n", "workingDates": ""])
            let project = try await world.client.json(.GET, "/api/v1/projects/\(world.projectB)", token: world.ownerToken)
            #expect(saved.status == .seeOther)
            #expect(project.string("endDate") == "2026-12-09")
        }
    }
}
