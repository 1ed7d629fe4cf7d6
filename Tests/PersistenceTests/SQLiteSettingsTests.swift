import Fluent
import Foundation
import Persistence
import SQLKit
import Testing
import TestSupport
import Vapor

/// The embedded database runs with WAL, synchronous=FULL, a busy timeout and foreign keys on every pooled connection.
@Suite struct SQLiteSettingsTests {
    @Test(.enabled(if: !TestDatabase.isPostgres))
    func everyPooledConnectionHasTheSafeSettings() async throws {
        let file = NSTemporaryDirectory() + "tandem-pragmas-\(UUID().uuidString).sqlite"
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) } }
        try await withTestApp(sqliteFile: file) { app, _ in
            for loop in app.eventLoopGroup.makeIterator() {
                let sql = try #require(app.databases.database(logger: app.logger, on: loop) as? any SQLDatabase)
                func pragma(_ name: String) async throws -> String {
                    let column = name == "busy_timeout" ? "timeout" : name
                    let row = try await sql.raw("SELECT CAST(\(unsafeRaw: column) AS TEXT) AS value FROM pragma_\(unsafeRaw: name)").first()
                    return try row?.decode(column: "value", as: String.self) ?? ""
                }
                #expect(try await pragma("journal_mode") == "wal")
                #expect(try await pragma("synchronous") == "2")
                #expect(try await pragma("busy_timeout") == "10000")
                #expect(try await pragma("foreign_keys") == "1")
            }
        }
    }

    @Test func migrationNamesArePinned() {
        let names = AllMigrations.list.map(\.name)
        #expect(names.allSatisfy { $0.range(of: #"^\d{4}_[A-Za-z]+$"#, options: .regularExpression) != nil })
        #expect(names == names.sorted())
        #expect(Set(names).count == names.count)
    }

    @Test func foreignKeysAreEnforced() async throws {
        try await withTestApp { app, _ in
            let contact = ContactRecord(
                customerID: UUID(), name: "Orphan", email: "o@x.test", phone: nil, language: .en,
                preferredChannel: nil, createdAt: Date())
            await #expect(throws: (any Error).self) { try await contact.create(on: app.db) }
        }
    }
}
