import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// What the running app was configured with; one value, set once by `configure`.
struct TandemServices: Sendable {
    var config: AppConfig
    var clock: @Sendable () -> Date
    /// Serialises write transactions on SQLite; nil on PostgreSQL.
    var writeGate: WriteGate?
    var catalogue: Catalogue
    var dummyPasswordHash: DummyPasswordHash
    var planCache = PlanCache()
}

private struct ServicesKey: StorageKey {
    typealias Value = TandemServices
}

extension Application {
    var tandem: TandemServices {
        get {
            guard let tandem = storage[ServicesKey.self] else { fatalError("configure(_:_:) was not called") }
            return tandem
        }
        set { storage[ServicesKey.self] = newValue }
    }
}

extension Request {
    var tandem: TandemServices { application.tandem }
    var now: Date { tandem.clock() }

    /// Runs `body` in one database transaction: all of it is written, or none of it.
    func write<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await Self.write(db: db, gate: tandem.writeGate, body)
    }

    /// `write` for anything that changes a project's plan: bumps its revision in the same transaction,
    /// so no instance reuses a schedule computed before the change.
    func writePlan<T: Sendable>(projectID: UUID, _ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await write { db in
            let result = try await body(db)
            try await PlanRevision.bump(projectID, on: db)
            return result
        }
    }

    static func write<T: Sendable>(db: any Database, gate: WriteGate?, _ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard let gate else { return try await db.transaction { try await body($0) } }
        return try await gate.run { try await db.transaction { try await body($0) } }
    }
}
