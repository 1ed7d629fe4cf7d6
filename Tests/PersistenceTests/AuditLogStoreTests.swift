import Domain
import Fluent
import Foundation
import Persistence
import Testing
import TestSupport
import Vapor
import Web

@Suite struct AuditLogStoreTests {
    @Test func appendedEntriesFormAChainThatVerifies() async throws {
        try await withTestApp { app, _ in
            // given
            let now = Date(timeIntervalSince1970: 1_796_000_000.123_456)
            // when
            let first = try await AuditLog.append(
                on: app.db, key: TestSecrets.auditKey, at: now, actor: "contact:a", action: "test.first", objectType: "x",
                objectID: UUID(), projectID: nil, content: [("goals", "[\"Launch\"]")])
            let second = try await AuditLog.append(
                on: app.db, key: TestSecrets.auditKey, at: now, actor: "contact:a", action: "test.second", objectType: "x",
                objectID: UUID(), projectID: nil, content: [("name", "Mock-ups")])
            // then
            #expect(first.seq == 1 && second.seq == 2)
            #expect(second.prevHash == first.hash)
            let result = try await app.verifyAuditLog()
            #expect(result.ok && result.entries == 2 && result.firstBadSeq == nil)
        }
    }

    @Test func concurrentAppendsNeverForkTheChain() async throws {
        try await withTestApp { app, _ in
            let gate: WriteGate? = TestDatabase.isPostgres ? nil : WriteGate()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<12 {
                    group.addTask {
                        let body: @Sendable () async throws -> Void = {
                            try await app.db.transaction { db in
                                _ = try await AuditLog.append(
                                    on: db, key: TestSecrets.auditKey, at: Date(), actor: "member:\(index)", action: "test", objectType: "x",
                                    objectID: UUID(), projectID: nil, content: [])
                            }
                        }
                        if let gate { try await gate.run(body) } else { try await body() }
                    }
                }
                try await group.waitForAll()
            }
            let result = try await app.verifyAuditLog()
            #expect(result.ok && result.entries == 12)
        }
    }
}
