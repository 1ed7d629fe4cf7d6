import Foundation
import NIOConcurrencyHelpers
import Persistence
import Vapor

/// The jobs that `tandem serve` runs every minute and `tandem jobs run [--at]` runs once. Each job lives in the
/// database as one row per kind and key (`JobStore`), claimed with a lease, so two instances — or a server and
/// `tandem jobs run` on one SQLite file — never run one occurrence twice.
///
/// To add a job (report drafting, reminders): give its kind, the keys it runs for (one per project, say), when it is
/// due next after a run, and what it does. The next due time is computed from the instant it ran, so after downtime
/// a recurring job runs once, not once per missed occurrence.
enum JobRegistry {
    struct Job: Sendable {
        var name: String
        /// The instances of this job (e.g. project ids); `[""]` for a job that runs once per workspace-less tick.
        var keys: @Sendable (ActionContext) async throws -> [String]
        /// When the job is next due after running at `ranAt` for `key`.
        var nextDue: @Sendable (_ ranAt: Date, _ key: String) -> Date
        /// Does the work due at `at`; true when there was work.
        var run: @Sendable (_ at: Date, _ key: String, ActionContext) async throws -> Bool
    }

    /// How long a claimed job stays with its instance: longer than any run takes.
    static let lease: TimeInterval = 15 * 60
    /// After a job throws, it is tried again this much later.
    static let retryAfterError: TimeInterval = 5 * 60

    /// Delivers the outbox's due messages, every minute.
    static let deliverOutbox = Job(
        name: "deliver-outbox", keys: { _ in [""] }, nextDue: { ranAt, _ in ranAt.addingTimeInterval(60) },
        run: { at, _, ctx in try await OutboxDelivery.deliverDue(at: at, in: ctx).total > 0 })

    /// The plans' work first, so what it queues leaves in the same tick.
    static let jobs: [Job] = [CommunicationJobs.job, CommunicationJobs.reminders, deliverOutbox]

    /// Runs every job that is due at `at`; returns the names of those that did work.
    static func runDue(at: Date, app: Application) async throws -> [String] {
        try await runDue(at: at, jobs: jobs, in: app.context())
    }

    static func runDue(at: Date, jobs: [Job], in ctx: ActionContext) async throws -> [String] {
        var ran: [String] = []
        let owner = ctx.services.instanceID
        for job in jobs {
            for key in try await job.keys(ctx) {
                let claimed = try await ctx.write { db in
                    try await JobStore.ensure(kind: job.name, key: key, dueAt: at, on: db)
                    return try await JobStore.claim(kind: job.name, key: key, now: at, owner: owner, leaseUntil: at.addingTimeInterval(lease), on: db)
                }
                guard let id = claimed else { continue }
                do {
                    let didWork = try await job.run(at, key, ctx)
                    let next = job.nextDue(at, key)
                    try await ctx.write { db in try await JobStore.finish(id, owner: owner, ranAt: at, nextDue: next, error: nil, on: db) }
                    if didWork { ran.append(key.isEmpty ? job.name : "\(job.name) \(key)") }
                } catch {
                    ctx.logger.error("job \(job.name) \(key) failed: \(error)")
                    let next = at.addingTimeInterval(retryAfterError)
                    try await ctx.write { db in
                        try await JobStore.finish(id, owner: owner, ranAt: at, nextDue: next, error: "\(error)", on: db)
                    }
                }
            }
        }
        return ran
    }
}

/// Runs the due jobs every `interval` inside `tandem serve`, from boot until shutdown (not in tests: only the serve
/// command installs it).
final class JobScheduler: LifecycleHandler, @unchecked Sendable {
    private let interval: Duration
    private let task = NIOLockedValueBox<Task<Void, Never>?>(nil)

    init(interval: Duration = .seconds(60)) { self.interval = interval }

    func didBootAsync(_ app: Application) async throws {
        let interval = interval
        let started = Task {
            while !Task.isCancelled {
                do {
                    let ran = try await JobRegistry.runDue(at: app.tandem.clock(), app: app)
                    if !ran.isEmpty { app.logger.info("jobs ran: \(ran.joined(separator: ", "))") }
                } catch {
                    app.logger.error("scheduled jobs failed: \(error)")
                }
                try? await Task.sleep(for: interval)
            }
        }
        task.withLockedValue { $0 = started }
    }

    func shutdownAsync(_ app: Application) async {
        guard
            let running = task.withLockedValue({ box in
                defer { box = nil }
                return box
            })
        else { return }
        running.cancel()
        await running.value
    }
}
