import Domain
import Fluent
import Foundation
import Persistence
import Testing
import TestSupport
import Vapor
@testable import Web

/// Bad input gets a 4xx that names the field, and nothing is written.
@Suite struct ValidationTests {
    static func projectBody(_ world: World, _ overrides: [String: any Sendable]) -> [String: any Sendable] {
        var body: [String: any Sendable] = [
            "customerId": world.customerA.uuidString, "name": "New", "timeZone": "Asia/Shanghai",
            "startDate": "2026-12-01", "goals": ["Go"],
        ]
        for (key, value) in overrides { body[key] = value }
        return body
    }

    @Test(arguments: [
        ("startDate", "2025-02-30"), ("startDate", "1969-12-31"), ("startDate", "10000-01-01"), ("startDate", "2026-13-01"),
        ("startDate", "2026-12-01T00:00:00Z"), ("timeZone", "Mars/Olympus"), ("currency", "yuan"), ("name", "   "),
    ])
    func aBadProjectFieldIsNamedAndNothingIsWritten(field: String, value: String) async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            let before = try await ProjectRecord.query(on: app.db).count()
            // when
            let reply = try await world.client.json(.POST, "/api/v1/projects", token: world.ownerToken, body: Self.projectBody(world, [field: value]))
            // then
            #expect(reply.status == .badRequest)
            #expect(reply.errorCode == "validation_failed")
            #expect(reply.errorField == field)
            #expect(try await ProjectRecord.query(on: app.db).count() == before)
        }
    }

    @Test func aWrongTypeIsNamed() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let reply = try await world.client.json(.POST, "/api/v1/projects", token: world.ownerToken, body: Self.projectBody(world, ["name": 42]))
            #expect(reply.status == .badRequest)
            #expect(reply.errorField == "name")
        }
    }

    @Test func anUnknownEnumValueIsNamed() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let reply = try await world.client.json(.POST, "/api/v1/customers", token: world.ownerToken, body: ["name": "X", "language": "fr"])
            #expect(reply.status == .badRequest)
            #expect(reply.errorField == "language")
        }
    }

    @Test func aMissingFieldIsNamed() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let reply = try await world.client.json(
                .POST, "/api/v1/projects/\(world.projectA)/milestones", token: world.ownerToken,
                body: ["name": "M", "visibleToCustomer": true])
            #expect(reply.status == .badRequest)
            #expect(reply.errorField == "dueDate")
        }
    }

    @Test func aWorkItemThatEndsBeforeItStartsIsRefused() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let before = try await WorkItemRecord.query(on: app.db).count()
            let reply = try await world.client.json(
                .POST, "/api/v1/projects/\(world.projectA)/work-items", token: world.ownerToken,
                body: [
                    "title": "Backwards", "startDate": "2026-12-10", "dueDate": "2026-12-01", "dependsOn": [String](), "visibleToCustomer": true,
                ])
            #expect(reply.status == .badRequest)
            #expect(reply.errorField == "dueDate")
            #expect(try await WorkItemRecord.query(on: app.db).count() == before)
        }
    }

    @Test func malformedJSONIsABadRequest() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let reply = try await world.client.json(.POST, "/api/v1/customers", token: world.ownerToken, raw: "{\"name\": ")
            #expect(reply.status == .badRequest)
            #expect(reply.errorField == "body")
        }
    }

    @Test func aBodyOverTheLimitIsTooLarge() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let huge = String(repeating: "x", count: 2_000_000)
            let reply = try await world.client.json(.POST, "/api/v1/customers", token: world.ownerToken, body: ["name": huge, "language": "en"])
            #expect(reply.status == .payloadTooLarge)
            #expect(reply.errorCode == "too_large")
        }
    }

    @Test func aDependencyCycleIsAConflictAndChangesNothing() async throws {
        try await withTestApp { app, _ in
            // given A ← B (B depends on A)
            let world = try await World.make(app)
            let a = world.visibleItem
            let b = try #require(
                try await world.client.json(
                    .POST, "/api/v1/projects/\(world.projectA)/work-items", token: world.ownerToken,
                    body: [
                        "title": "Build", "startDate": "2026-12-06", "dueDate": "2026-12-09", "dependsOn": [a.uuidString], "visibleToCustomer": true,
                    ]
                ).string("id"))
            // when A is made to depend on B
            let reply = try await world.client.json(
                .PATCH, "/api/v1/work-items/\(a)", token: world.ownerToken, body: ["dependsOn": [b], "progress": 50])
            // then
            #expect(reply.status == .conflict)
            #expect(reply.body.contains("Build") && reply.body.contains("Design"))
            let after = try await world.client.json(.GET, "/api/v1/work-items/\(a)", token: world.ownerToken)
            #expect((after.json["dependsOn"] as? [String]) == [])
            #expect(after.json["progress"] as? Int == 0)
        }
    }

    @Test func aDependencyOnAnotherProjectsItemIsRefused() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let other = try #require(
                try await world.client.json(
                    .POST, "/api/v1/projects/\(world.projectB)/work-items", token: world.ownerToken,
                    body: [
                        "title": "Elsewhere", "startDate": "2026-12-01", "dueDate": "2026-12-02", "dependsOn": [String](), "visibleToCustomer": true,
                    ]
                ).string("id"))
            let reply = try await world.client.json(
                .POST, "/api/v1/projects/\(world.projectA)/work-items", token: world.ownerToken,
                body: [
                    "title": "Cross", "startDate": "2026-12-01", "dueDate": "2026-12-02", "dependsOn": [other], "visibleToCustomer": true,
                ])
            #expect(reply.status == .badRequest)
            #expect(reply.errorField == "dependsOn")
        }
    }

    @Test func progressOutOfRangeIsRefused() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let reply = try await world.client.json(
                .PATCH, "/api/v1/work-items/\(world.visibleItem)", token: world.ownerToken, body: ["progress": 101])
            #expect(reply.status == .badRequest)
            #expect(reply.errorField == "progress")
        }
    }

    @Test func aBadLimitIsNamed() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let reply = try await world.client.json(.GET, "/api/v1/projects/\(world.projectA)/work-items?limit=500", token: world.ownerToken)
            #expect(reply.status == .badRequest)
            #expect(reply.errorField == "limit")
        }
    }
}
