import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// Limits failed sign-ins per IP and per account, counted in the database so every instance agrees.
enum SignInThrottle {
    static let window: TimeInterval = 15 * 60
    static let limits: [String: Int] = ["ip": 20, "account": 5]

    static func check(keys: [String], on req: Request) async throws {
        let since = req.now.addingTimeInterval(-window)
        for key in keys {
            let kind = String(key.prefix(while: { $0 != ":" }))
            let failures = try await SignInAttemptRecord.query(on: req.db)
                .filter(\.$key == key).filter(\.$at > since).sort(\.$at).all()
            if let limit = limits[kind], failures.count >= limit, let oldest = failures.first {
                let retry = max(1, Int((oldest.at.addingTimeInterval(window)).timeIntervalSince(req.now).rounded(.up)))
                throw DomainError.throttled(retryAfterSeconds: retry)
            }
        }
    }

    static func recordFailure(keys: [String], on req: Request) async throws {
        let now = req.now
        try await req.write { db in
            for key in keys { try await SignInAttemptRecord(key: key, at: now).create(on: db) }
        }
    }
}
