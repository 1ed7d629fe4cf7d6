import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import NIOCore
import SQLKit

/// Where the data lives: one SQLite file (the default) or PostgreSQL.
public enum DatabaseLocation: Sendable, Equatable {
    case sqliteFile(path: String)
    case sqliteMemory
    case postgres(url: String, searchPath: String?)
}

public enum DatabaseSetup {
    /// Registers the database with Fluent; `connectionsPerLoop` sizes the PostgreSQL pool (per event loop).
    public static func register(_ location: DatabaseLocation, connectionsPerLoop: Int = 8, on databases: Databases) throws {
        switch location {
        case .sqliteFile(let path):
            databases.use(.sqlite(.file(path), sqlLogLevel: nil), as: .sqlite)
        case .sqliteMemory:
            databases.use(.sqlite(.memory, sqlLogLevel: nil), as: .sqlite)
        case .postgres(let url, let searchPath):
            var config = try SQLPostgresConfiguration(url: url)
            config.searchPath = searchPath.map { [$0] }
            databases.use(.postgres(configuration: config, maxConnectionsPerEventLoop: connectionsPerLoop, sqlLogLevel: .debug), as: .psql)
        }
    }

    /// Fluent's SQLite driver only turns foreign keys on; WAL, `synchronous=FULL` and the busy timeout are
    /// per connection. The pool keeps exactly one connection per event loop for the life of the app,
    /// so setting them once on each loop's connection covers every pooled connection.
    public static func prepareSQLiteConnections(_ databases: Databases, eventLoops: [any EventLoop], logger: Logger) async throws {
        for loop in eventLoops {
            guard let sql = databases.database(logger: logger, on: loop) as? any SQLDatabase, sql.dialect.name == "sqlite" else { return }
            try await sql.raw("PRAGMA journal_mode=WAL").run()
            try await sql.raw("PRAGMA synchronous=FULL").run()
            try await sql.raw("PRAGMA busy_timeout=10000").run()
            try await sql.raw("PRAGMA foreign_keys=ON").run()
        }
    }
}
