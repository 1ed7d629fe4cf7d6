import Foundation
import Testing
import TestSupport
import Vapor
@testable import Web

/// Two edits of different fields at the same moment both survive (SQLite file and PostgreSQL).
@Suite struct ConcurrentPatchTests {
    private func withFileApp(_ body: (Application) async throws -> Void) async throws {
        let file = NSTemporaryDirectory() + "tandem-patch-\(UUID().uuidString).sqlite"
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) } }
        try await withTestApp(sqliteFile: file) { app, _ in try await body(app) }
    }

    @Test func concurrentPatchesOfDifferentWorkItemFieldsBothSurvive() async throws {
        try await withFileApp { app in
            // given
            let world = try await World.make(app)
            let client = world.client
            let token = world.ownerToken
            let path = "/api/v1/work-items/\(world.visibleItem)"
            for round in 1...8 {
                // when: one edits the title while another records progress
                async let title = client.json(.PATCH, path, token: token, body: ["title": "Design round \(round)"])
                async let progress = client.json(.PATCH, path, token: token, body: ["progress": round * 10])
                let (a, b) = try await (title, progress)
                #expect(a.status == .ok && b.status == .ok)
                // then
                let stored = try await client.json(.GET, path, token: token)
                #expect(stored.string("title") == "Design round \(round)")
                #expect(stored.json["progress"] as? Int == round * 10)
            }
        }
    }

    @Test func concurrentPatchesOfDifferentProjectFieldsBothSurvive() async throws {
        try await withFileApp { app in
            let world = try await World.make(app)
            let client = world.client
            let token = world.ownerToken
            let path = "/api/v1/projects/\(world.projectA)"
            for round in 1...8 {
                async let name = client.json(.PATCH, path, token: token, body: ["name": "Shop \(round)"])
                async let budget = client.json(.PATCH, path, token: token, body: ["budgetMinor": round * 1_000])
                let (a, b) = try await (name, budget)
                #expect(a.status == .ok && b.status == .ok)
                let stored = try await client.json(.GET, path, token: token)
                #expect(stored.string("name") == "Shop \(round)")
                #expect(stored.json["budgetMinor"] as? Int == round * 1_000)
            }
        }
    }
}
