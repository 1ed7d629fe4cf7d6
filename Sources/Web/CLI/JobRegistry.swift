import Foundation
import Vapor

/// Jobs that run at an instant (`tandem jobs run --at`). Empty for now: report sending arrives with
/// the communication issue; each job's logic will live in Domain so tests call it directly.
enum JobRegistry {
    struct Job: Sendable {
        var name: String
        var run: @Sendable (Date, Application) async throws -> Bool
    }

    static let jobs: [Job] = []

    /// Runs every job that is due at `at`; returns the names of those that did work.
    static func runDue(at: Date, app: Application) async throws -> [String] {
        var ran: [String] = []
        for job in jobs where try await job.run(at, app) { ran.append(job.name) }
        return ran
    }
}
