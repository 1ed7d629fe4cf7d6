import Domain
import Foundation
import NIOConcurrencyHelpers
import Persistence
import SQLKit
import Vapor
import VaporTesting
@testable import Web

/// A clock tests can move.
public final class TestClock: Sendable {
    private let current: NIOLockedValueBox<Date>

    public init(_ start: Date = Date(timeIntervalSince1970: 1_796_000_000)) { current = .init(start) }

    public var now: Date { current.withLockedValue { $0 } }

    public func advance(by seconds: TimeInterval) { current.withLockedValue { $0 = $0.addingTimeInterval(seconds) } }
}

/// Where the suites run: a private in-memory SQLite per test, or — when `DATABASE_URL` names a local
/// `*_test` database — a private PostgreSQL schema per test, so tests run in parallel either way.
public enum TestDatabase {
    public static var postgresURL: String? {
        guard let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty else { return nil }
        precondition(url.contains("127.0.0.1") || url.contains("localhost"), "tests refuse to run against a non-local database")
        precondition(url.hasSuffix("_test") || url.contains("_test?"), "tests run only against a database whose name ends in _test")
        return url
    }

    public static var isPostgres: Bool { postgresURL != nil }
}

/// The fixed secret tests run with, so hashes are stable and a test can recompute them.
public enum TestSecrets {
    public static let secretKeyText = String(repeating: "5a", count: 32)
    public static let secretKey = SecretKey(text: secretKeyText)!
    public static var auditKey: AuditKey { secretKey.auditKey }
}

/// Builds a fresh app on its own database and its own data directory (key file, audit checkpoint), runs `body`,
/// and tears everything down. `dataDirectory` lets a test reopen the same one; `migrated: false` leaves the
/// migrations to the test (to build a database as an older release left it).
public func withTestApp(
    clock: TestClock = TestClock(), baseURL: String = "http://tandem.test",
    sqliteFile: String? = nil, dataDirectory: String? = nil, migrated: Bool = true,
    secretKey: SecretKey.Source = .value(TestSecrets.secretKey),
    _ body: (Application, TestClock) async throws -> Void
) async throws {
    // On PostgreSQL every app holds its own pool: with hundreds of tests starting at once the cluster ran out of
    // connections ("too many clients already"), so at most `TestAppGate.limit` apps exist at a time there.
    guard TestDatabase.isPostgres else {
        return try await runTestApp(clock, baseURL, sqliteFile, dataDirectory, migrated, secretKey, body)
    }
    await TestAppGate.shared.enter()
    do {
        try await runTestApp(clock, baseURL, sqliteFile, dataDirectory, migrated, secretKey, body)
    } catch {
        await TestAppGate.shared.leave()
        throw error
    }
    await TestAppGate.shared.leave()
}

private func runTestApp(
    _ clock: TestClock, _ baseURL: String, _ sqliteFile: String?, _ dataDirectory: String?, _ migrated: Bool,
    _ secretKey: SecretKey.Source, _ body: (Application, TestClock) async throws -> Void
) async throws {
    let app = try await Application.make(.testing)
    var schema: String?
    let ownDirectory = dataDirectory == nil
    let directory = dataDirectory ?? NSTemporaryDirectory() + "tandem-test-\(UUID().uuidString)"
    defer { if ownDirectory { try? FileManager.default.removeItem(atPath: directory) } }
    do {
        let location: DatabaseLocation
        if let url = TestDatabase.postgresURL {
            let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            schema = name
            location = .postgres(url: url, searchPath: name)
        } else if let sqliteFile {
            location = .sqliteFile(path: sqliteFile)
        } else {
            location = .sqliteMemory
        }
        var config = AppConfig(
            database: location, dataDirectory: directory, baseURL: URL(string: baseURL)!,
            logLevel: "error", bcryptCost: 4, secretKey: secretKey)
        // Many tests run at once, each with its own app: a small pool keeps a test cluster well under max_connections.
        config.databaseConnectionsPerLoop = 3
        try await configure(app, config, clock: { clock.now })
        if let schema, let sql = app.db as? any SQLDatabase {
            try await sql.raw("CREATE SCHEMA \(ident: schema)").run()
        }
        if migrated { try await migrate(app) }
        try await body(app, clock)
    } catch {
        try? await dropSchema(schema, app: app)
        try await app.asyncShutdown()
        throw error
    }
    try await dropSchema(schema, app: app)
    try await app.asyncShutdown()
}

/// A counting semaphore for test apps on PostgreSQL (see `withTestApp`).
actor TestAppGate {
    static let shared = TestAppGate()
    /// With 3 connections per event loop, 2 loops: about 240 connections at most, well under the cluster's 600.
    static let limit = 40
    private var inside = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func enter() async {
        if inside < Self.limit {
            inside += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
        if waiting.isEmpty {
            inside -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}

private func dropSchema(_ schema: String?, app: Application) async throws {
    guard let schema, let sql = app.db as? any SQLDatabase else { return }
    try await sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run()
}
