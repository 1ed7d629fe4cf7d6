import Fluent
import Foundation

/// Counters of throttled events (failed sign-ins, sign-in-link requests), kept in the database so every
/// instance counts the same; a key names what is counted, e.g. `address:ana@example.com`.
public enum AttemptStore {
    /// The times of `key`'s events after `since`, oldest first.
    public static func times(key: String, since: Date, on db: any Database) async throws -> [Date] {
        try await SignInAttemptRecord.query(on: db).filter(\.$key == key).filter(\.$at > since).sort(\.$at).all().map(\.at)
    }

    public static func record(keys: [String], at: Date, on db: any Database) async throws {
        for key in keys { try await SignInAttemptRecord(key: key, at: at).create(on: db) }
    }
}

/// Browsers that signed in to a member's account before, by the SHA-256 of their cookie's token.
public enum KnownDeviceStore {
    public static func isKnown(tokenHash: String, memberID: UUID, now: Date, on db: any Database) async throws -> Bool {
        try await KnownDeviceRecord.query(on: db).filter(\.$tokenHash == tokenHash).filter(\.$memberID == memberID)
            .filter(\.$expiresAt > now).count() > 0
    }

    public static func remember(tokenHash: String, memberID: UUID, now: Date, expiresAt: Date, on db: any Database) async throws {
        if let known = try await KnownDeviceRecord.query(on: db).filter(\.$tokenHash == tokenHash).filter(\.$memberID == memberID).first() {
            known.expiresAt = expiresAt
            try await known.update(on: db)
        } else {
            try await KnownDeviceRecord(tokenHash: tokenHash, memberID: memberID, createdAt: now, expiresAt: expiresAt).create(on: db)
        }
    }
}
