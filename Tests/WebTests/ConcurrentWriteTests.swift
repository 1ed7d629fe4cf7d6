import Foundation
import Testing
import TestSupport
import Vapor
@testable import Web

/// Sixteen writers at once, on the real database: every create succeeds (no "database is locked").
@Suite struct ConcurrentWriteTests {
    @Test func sixteenConcurrentCreatesAllSucceed() async throws {
        let file = NSTemporaryDirectory() + "tandem-concurrency-\(UUID().uuidString).sqlite"
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) } }
        try await withTestApp(sqliteFile: file) { app, _ in
            // given
            let world = try await World.make(app)
            let client = world.client
            let path = "/api/v1/projects/\(world.projectA)/work-items"
            let token = world.ownerToken
            // when
            let statuses = try await withThrowingTaskGroup(of: [UInt].self) { group in
                for writer in 0..<16 {
                    group.addTask {
                        var codes: [UInt] = []
                        for index in 0..<5 {
                            let reply = try await client.json(
                                .POST, path, token: token,
                                body: [
                                    "title": "w\(writer)-\(index)", "startDate": "2026-12-01", "dueDate": "2026-12-03",
                                    "dependsOn": [String](), "visibleToCustomer": true,
                                ])
                            codes.append(reply.status.code)
                        }
                        return codes
                    }
                }
                return try await group.reduce(into: [UInt]()) { $0 += $1 }
            }
            // then
            #expect(statuses.count == 80)
            #expect(statuses.allSatisfy { $0 == 201 }, "non-201 answers: \(statuses.filter { $0 != 201 })")
            let list = try await client.json(.GET, path + "?limit=200", token: token)
            #expect(list.items.count == 82)
        }
    }
}
