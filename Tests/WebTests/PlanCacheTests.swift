import Foundation
import Persistence
import Testing
import TestSupport
import Vapor
@testable import Web

/// A scheduled plan is reused only for the revision it was computed from: every change shows at once.
@Suite struct PlanCacheTests {
    static func endDate(_ world: World) async throws -> String? {
        try await world.client.json(.GET, "/api/v1/projects/\(world.projectA)/schedule", token: world.ownerToken).string("endDate")
    }

    @Test func movingADateShowsInTheNextScheduleAndList() async throws {
        try await withTestApp { app, _ in
            // given a schedule that was computed (and cached) once; the plan ends with its milestones (2026-12-20)
            let world = try await World.make(app)
            #expect(try await Self.endDate(world) == "2026-12-20")
            // when a work item moves past them
            _ = try await world.client.json(
                .PATCH, "/api/v1/work-items/\(world.visibleItem)", token: world.ownerToken,
                body: ["dueDate": "2026-12-31", "progress": 30])
            // then the schedule, the list and the project all show it
            #expect(try await Self.endDate(world) == "2026-12-31")
            let list = try await world.client.json(.GET, "/api/v1/projects/\(world.projectA)/work-items", token: world.ownerToken)
            #expect(list.items.first { $0["id"] as? String == world.visibleItem.uuidString }?["progress"] as? Int == 30)
            let project = try await world.client.json(.GET, "/api/v1/projects/\(world.projectA)", token: world.ownerToken)
            #expect(project.string("endDate") == "2026-12-31")
        }
    }

    @Test func everyPlanChangeBumpsTheRevision() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            func revision() async throws -> Int { try await ProjectRecord.find(world.projectA, on: app.db)?.planRevision ?? -1 }
            var last = try await revision()
            let approver = try #require(try await world.token(.approverA))
            let changes: [(HTTPMethod, String, [String: any Sendable], String)] = [
                (.PATCH, "/api/v1/work-items/\(world.visibleItem)", ["progress": 10], world.ownerToken),
                (
                    .POST, "/api/v1/projects/\(world.projectA)/milestones", ["name": "M", "dueDate": "2026-12-30", "visibleToCustomer": true],
                    world.ownerToken
                ),
                (.POST, "/api/v1/milestones/\(world.visibleMilestone)/deliverables", ["name": "D"], world.ownerToken),
                (
                    .PUT, "/api/v1/projects/\(world.projectA)/calendar", ["nonWorkingDates": ["2026-12-02"], "workingDates": [String]()],
                    world.ownerToken
                ),
                (.PATCH, "/api/v1/projects/\(world.projectA)", ["timeZone": "Europe/Berlin"], world.ownerToken),
                (.POST, "/api/v1/deliverables/\(world.visibleDeliverable)/accept", [:], approver),
            ]
            for (method, path, body, token) in changes {
                let reply = try await world.client.json(method, path, token: token, body: body)
                #expect(reply.status.code < 300, "\(path): \(reply.status)")
                let now = try await revision()
                #expect(now > last, "\(method) \(path) did not bump the plan revision")
                last = now
            }
        }
    }
}
