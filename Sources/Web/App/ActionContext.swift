import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// What a use case (an action) runs with: the database, the clock, who acts and the app's services, with
/// `write`, `writePlan` and `writeAudited` on it. Route handlers make one from the request
/// (`req.context`); the command line, scheduled jobs and the outbox worker make one directly
/// (`app.context(acting:)`), so every caller goes through the same actions and none needs a web request.
struct ActionContext: Sendable {
    let db: any Database
    let services: TandemServices
    /// Who acts: the signed-in person of a request, or whom the command line or a job acts as.
    let identity: Identity
    /// For slow work off the event loops (bcrypt, file locks).
    let threadPool: NIOThreadPool
    let logger: Logger

    var now: Date { services.clock() }
    var config: AppConfig { services.config }

    /// The same context acting as someone else (the demo acts as the owner, then as a contact).
    func acting(as identity: Identity) -> ActionContext {
        ActionContext(db: db, services: services, identity: identity, threadPool: threadPool, logger: logger)
    }

    /// Runs `body` in one database transaction: all of it is written, or none of it.
    func write<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await Transactions.run(db: db, gate: services.writeGate, body)
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

    /// `write` for changes the audit log records: `body` appends through the given appender (the only way to append
    /// in the app), and once the transaction has committed the checkpoint outside the database moves to the new head,
    /// so a later cut of the chain's tail shows. `planOf` bumps that project's plan revision, as `writePlan` does.
    func writeAudited<T: Sendable>(
        planOf projectID: UUID? = nil,
        _ body: @escaping @Sendable (any Database, AuditAppender) async throws -> T
    ) async throws -> T {
        let audit = AuditAppender(key: services.auditKey)
        let result = try await write { db in
            let result = try await body(db, audit)
            if let projectID { try await PlanRevision.bump(projectID, on: db) }
            return result
        }
        if let head = audit.newest { await services.advanceCheckpoint(to: head, on: threadPool, logger: logger) }
        return result
    }
}

/// The one way a transaction is opened: behind the SQLite write gate when there is one.
enum Transactions {
    static func run<T: Sendable>(db: any Database, gate: WriteGate?, _ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard let gate else { return try await db.transaction { try await body($0) } }
        return try await gate.run { try await db.transaction { try await body($0) } }
    }
}

extension Application {
    /// A context for work outside a web request (command line, jobs), acting as `identity`.
    func context(acting identity: Identity = .anonymous) -> ActionContext {
        ActionContext(db: db, services: tandem, identity: identity, threadPool: threadPool, logger: logger)
    }
}

extension Request {
    /// The context of this request: its database, the app's services, and the signed-in identity.
    var context: ActionContext {
        get async throws {
            ActionContext(db: db, services: tandem, identity: try await identity, threadPool: application.threadPool, logger: logger)
        }
    }
}
