import Foundation
import FoundationXML
import Testing
import TestSupport

/// Schedule, charts, baselines and calendar through `/api/v1`.
@Suite struct PlanningAPITests {
    /// Project B (no items yet): A Thu–Fri, B after A (two working days), C one day on its own.
    private func chain(_ world: World) async throws -> (a: String, b: String, c: String) {
        func item(_ title: String, _ start: String, _ due: String, after: [String] = []) async throws -> String {
            let reply = try await world.client.json(
                .POST, "/api/v1/projects/\(world.projectB)/work-items", token: world.ownerToken,
                body: [
                    "title": title, "startDate": start, "dueDate": due, "dependsOn": after, "visibleToCustomer": true,
                ])
            return try #require(reply.string("id"))
        }
        let a = try await item("Wireframes", "2026-12-03", "2026-12-04")
        let b = try await item("Build", "2026-12-03", "2026-12-04", after: [a])
        let c = try await item("Logo", "2026-12-03", "2026-12-03")
        return (a, b, c)
    }

    private func scheduled(_ reply: Reply, _ id: String) -> [String: any Sendable]? {
        reply.items.first { $0["id"] as? String == id }
    }

    private func parsesAsXML(_ text: String) -> Bool {
        XMLParser(data: Data(text.utf8)).parse()
    }

    @Test func scheduleMovesADependentItemPastTheWeekend() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            let (a, b, c) = try await chain(world)
            // when
            let reply = try await world.client.json(.GET, "/api/v1/projects/\(world.projectB)/schedule", token: world.ownerToken)
            // then
            #expect(reply.status == .ok)
            #expect(reply.string("startDate") == "2026-12-03")
            #expect(reply.string("endDate") == "2026-12-08")
            #expect(reply.json["criticalPath"] as? [String] == [a, b])
            let build = try #require(scheduled(reply, b))
            #expect(build["earlyStart"] as? String == "2026-12-07")
            #expect(build["earlyFinish"] as? String == "2026-12-08")
            #expect(build["slackDays"] as? Int == 0)
            let logo = try #require(scheduled(reply, c))
            #expect(logo["lateStart"] as? String == "2026-12-08")
            #expect(logo["slackDays"] as? Int == 3)
        }
    }

    @Test func aPublicHolidayMovesTheProjectEndAndAMakeUpDayPullsItBack() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            _ = try await chain(world)
            let path = "/api/v1/projects/\(world.projectB)"
            // when
            let put = try await world.client.json(
                .PUT, "\(path)/calendar", token: world.ownerToken,
                body: ["nonWorkingDates": ["2026-12-07"], "workingDates": [String]()])
            let project = try await world.client.json(.GET, path, token: world.ownerToken)
            // then
            #expect(put.status == .ok)
            #expect(put.json["nonWorkingDates"] as? [String] == ["2026-12-07"])
            #expect(project.string("endDate") == "2026-12-09")
            // when a Saturday is worked instead
            _ = try await world.client.json(
                .PUT, "\(path)/calendar", token: world.ownerToken,
                body: ["nonWorkingDates": ["2026-12-07"], "workingDates": ["2026-12-05"]])
            let schedule = try await world.client.json(.GET, "\(path)/schedule", token: world.ownerToken)
            // then
            #expect(schedule.string("endDate") == "2026-12-08")
            let calendar = try await world.client.json(.GET, "\(path)/calendar", token: try #require(await world.token(.contactB)))
            #expect(calendar.json["workingDates"] as? [String] == ["2026-12-05"])
        }
    }

    @Test func anImpossibleCalendarDateIsRefused() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let reply = try await world.client.json(
                .PUT, "/api/v1/projects/\(world.projectB)/calendar", token: world.ownerToken,
                body: ["nonWorkingDates": ["2026-02-30"], "workingDates": [String]()])
            #expect(reply.status == .badRequest)
            #expect(reply.errorField == "nonWorkingDates[0]")
        }
    }

    @Test func aContactSeesDatesMovedByHiddenWorkButNeverTheHiddenItem() async throws {
        try await withTestApp { app, _ in
            // given: the visible item waits for the hidden one (Tue 1 – Fri 4 December)
            let world = try await World.make(app)
            let patch = try await world.client.json(
                .PATCH, "/api/v1/work-items/\(world.visibleItem)", token: world.ownerToken,
                body: ["dependsOn": [world.hiddenItem.uuidString]])
            #expect(patch.status == .ok)
            let token = try #require(await world.token(.approverA))
            let path = "/api/v1/projects/\(world.projectA)"
            // when
            let schedule = try await world.client.json(.GET, "\(path)/schedule", token: token)
            let gantt = try await world.client.json(.GET, "\(path)/gantt.svg", token: token)
            let flow = try await world.client.json(.GET, "\(path)/flowchart.svg", token: token)
            let burnUp = try await world.client.json(.GET, "\(path)/burnup.svg", token: token)
            // then
            #expect(schedule.items.count == 1)
            #expect(scheduled(schedule, world.visibleItem.uuidString)?["earlyStart"] as? String == "2026-12-07")
            #expect(schedule.json["criticalPath"] as? [String] == [world.visibleItem.uuidString])
            #expect(!schedule.body.contains(world.hiddenItem.uuidString))
            #expect(gantt.headers.contentType?.description.hasPrefix("image/svg+xml") == true)
            for svg in [gantt, flow, burnUp] {
                #expect(svg.status == .ok)
                #expect(parsesAsXML(svg.body))
                #expect(!svg.body.contains("Secret refactor"))
                #expect(!svg.body.contains("Internal review"))
                #expect(!svg.body.contains(world.hiddenItem.uuidString))
            }
            #expect(gantt.body.contains("Design"))
            #expect(gantt.body.contains("Design sign-off"))
        }
    }

    @Test func theTeamChartNamesInternalWork() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let gantt = try await world.client.json(.GET, "/api/v1/projects/\(world.projectA)/gantt.svg?zoom=week", token: world.ownerToken)
            #expect(gantt.status == .ok)
            #expect(gantt.body.contains("Secret refactor"))
            #expect(parsesAsXML(gantt.body))
        }
    }

    @Test func anUnknownZoomIsABadRequest() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let reply = try await world.client.json(.GET, "/api/v1/projects/\(world.projectA)/gantt.svg?zoom=year", token: world.ownerToken)
            #expect(reply.status == .badRequest)
            #expect(reply.errorField == "zoom")
        }
    }

    @Test func aContactOfAnotherProjectGetsNotFound() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let token = try #require(await world.token(.contactB))
            for suffix in ["schedule", "gantt.svg", "flowchart.svg", "burnup.svg", "baselines", "calendar"] {
                let reply = try await world.client.json(.GET, "/api/v1/projects/\(world.projectA)/\(suffix)", token: token)
                #expect(reply.status == .notFound, "\(suffix)")
            }
        }
    }

    @Test func aBaselineComparisonShowsSlipAfterADateMoves() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            let (a, b, _) = try await chain(world)
            let path = "/api/v1/projects/\(world.projectB)"
            let created = try await world.client.json(.POST, "\(path)/baselines", token: world.ownerToken, body: ["name": "Signed plan"])
            #expect(created.status == .created)
            #expect(created.string("name") == "Signed plan")
            #expect(created.string("endDate") == "2026-12-08")
            #expect(created.string("createdAt") != nil)
            let baseline = try #require(created.string("id"))
            // when: A takes one more working day (Fri → Mon)
            _ = try await world.client.json(.PATCH, "/api/v1/work-items/\(a)", token: world.ownerToken, body: ["dueDate": "2026-12-07"])
            let comparison = try await world.client.json(.GET, "\(path)/baselines/\(baseline)/comparison", token: world.ownerToken)
            let gantt = try await world.client.json(.GET, "\(path)/gantt.svg?baseline=\(baseline)", token: world.ownerToken)
            let list = try await world.client.json(.GET, "\(path)/baselines", token: world.ownerToken)
            // then
            #expect(comparison.status == .ok)
            let items = comparison.items
            let build = try #require(items.first { $0["id"] as? String == b })
            #expect(build["baselineFinish"] as? String == "2026-12-08")
            #expect(build["currentFinish"] as? String == "2026-12-09")
            #expect(build["slipDays"] as? Int == 1)
            #expect(gantt.body.contains("class=\"sl\""))
            #expect(parsesAsXML(gantt.body))
            #expect(list.items.map { $0["id"] as? String } == [baseline])
        }
    }

    @Test func aBaselineOfAnotherProjectIsNotFound() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let created = try await world.client.json(
                .POST, "/api/v1/projects/\(world.projectB)/baselines", token: world.ownerToken, body: ["name": "B"])
            let id = try #require(created.string("id"))
            let reply = try await world.client.json(.GET, "/api/v1/projects/\(world.projectA)/baselines/\(id)/comparison", token: world.ownerToken)
            #expect(reply.status == .notFound)
        }
    }

    @Test func aContactCannotSaveABaseline() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let token = try #require(await world.token(.approverA))
            let reply = try await world.client.json(.POST, "/api/v1/projects/\(world.projectA)/baselines", token: token, body: ["name": "Mine"])
            #expect(reply.status == .forbidden || reply.status == .notFound)
        }
    }

    @Test func aDependencyCycleIsAConflictNamingTheItems() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let (a, b, _) = try await chain(world)
            let reply = try await world.client.json(.PATCH, "/api/v1/work-items/\(a)", token: world.ownerToken, body: ["dependsOn": [b]])
            #expect(reply.status == .conflict)
            #expect(reply.errorCode == "conflict")
            #expect(reply.body.contains("Wireframes"))
        }
    }
}
