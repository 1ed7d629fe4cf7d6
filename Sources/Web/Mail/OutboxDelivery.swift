import Domain
import Foundation
import Persistence

/// Delivers the outbox: claims due queued rows, sends each through `ctx.services.mail` (channel `email`) or
/// `ctx.services.webhooks` (channel `im`, `IMDelivery`) and records the outcome.
///
/// Never twice: a row is claimed by one worker (`OutboxStore.claimDue`), and once sent it is marked sent right
/// after the send. The only window is a crash between the transport accepting the message and that mark: the
/// lease then runs out and the row is sent again. The message carries a `Message-ID` made from its idempotency key
/// so a receiving system can tell the copy.
enum OutboxDelivery {
    static let notConfiguredReason = "SMTP is not configured (TANDEM_SMTP_HOST)"
    /// After this many failed attempts a transiently failing row is given up as failed.
    static let maxAttempts = 8
    /// How long a claimed row stays with its worker; longer than any send takes.
    static let lease: TimeInterval = 10 * 60
    static let batchSize = 50
    /// Without SMTP settings a row waits this long before it is tried again; once the settings are there (a restart),
    /// the first tick makes such rows due at once (`OutboxStore.wakeMailWaitingForSettings`).
    static let notConfiguredWait: TimeInterval = 60 * 60

    /// The wait after the `attempts`-th failed attempt: 1 min × 2^(attempts − 1), at most 6 h.
    static func backOff(afterAttempts attempts: Int) -> TimeInterval {
        min(60 * pow(2, Double(max(attempts - 1, 0))), 6 * 3600)
    }

    struct Tally: Equatable, Sendable {
        var sent = 0
        var retrying = 0
        var failed = 0
        var waiting = 0
        var total: Int { sent + retrying + failed + waiting }
    }

    /// Delivers every row due at `now`, batch after batch, until none is left.
    @discardableResult
    static func deliverDue(at now: Date, in ctx: ActionContext) async throws -> Tally {
        var tally = Tally()
        let owner = ctx.services.instanceID
        if ctx.services.mailConfigured {
            try await ctx.write { db in try await OutboxStore.wakeMailWaitingForSettings(reason: notConfiguredReason, now: now, on: db) }
        }
        while true {
            let ids = try await ctx.write { db in
                try await OutboxStore.claimDue(now: now, owner: owner, leaseUntil: now.addingTimeInterval(lease), limit: batchSize, on: db)
            }
            if ids.isEmpty { return tally }
            for id in ids { try await deliver(id, at: now, owner: owner, tally: &tally, in: ctx) }
        }
    }

    private static func deliver(_ id: UUID, at now: Date, owner: String, tally: inout Tally, in ctx: ActionContext) async throws {
        guard let row = try await OutboxStore.find(id, on: ctx.db), row.claimedBy == owner, row.status == .queued else { return }
        var failure: MailError?
        if row.channel == "email" {
            let message = MailMessage(
                from: ctx.services.mailFrom, to: [row.recipient], subject: row.subject, text: row.body, html: row.htmlBody,
                headers: ["Message-ID": "<\(row.idempotencyKey)@tandem>", "X-Tandem-Delivery": id.uuidString.lowercased()],
                attachments: row.attachment.map { [MailAttachment(filename: $0.filename, contentType: $0.contentType, data: $0.data)] } ?? [])
            do { try await ctx.services.mail.send(message) } catch { failure = error }
        } else if row.channel == IMDelivery.channel {
            failure = await IMDelivery.send(row, at: now, in: ctx)
        } else {
            failure = .permanent("no transport for the channel \(row.channel)")
        }
        let outcome = failure
        let attempts = row.attempts
        let result: Tally = try await ctx.write { db in
            guard let row = try await OutboxStore.find(id, on: db) else { return Tally() }
            var tally = Tally()
            row.claimedBy = nil
            row.claimedUntil = nil
            switch outcome {
            case nil:
                row.attempts = attempts + 1
                row.status = .sent
                row.sentAt = now
                row.lastError = nil
                tally.sent = 1
            case .notConfigured:
                row.lastError = notConfiguredReason
                row.nextAttemptAt = now.addingTimeInterval(notConfiguredWait)
                tally.waiting = 1
            case .transient(let reason):
                row.attempts = attempts + 1
                row.lastError = reason
                if row.attempts >= maxAttempts {
                    row.status = .failed
                    tally.failed = 1
                } else {
                    row.nextAttemptAt = now.addingTimeInterval(backOff(afterAttempts: row.attempts))
                    tally.retrying = 1
                }
            case .permanent(let reason):
                row.attempts = attempts + 1
                row.lastError = reason
                row.status = .failed
                tally.failed = 1
            }
            try await row.update(on: db)
            return tally
        }
        tally.sent += result.sent
        tally.retrying += result.retrying
        tally.failed += result.failed
        tally.waiting += result.waiting
        if let outcome { ctx.logger.warning("outbox \(id): not delivered (\(outcome))") }
    }
}

/// The delivery log's use cases: what the team reads, and "send again".
enum OutboxActions {
    static func list(projectID: UUID?, offset: Int, limit: Int, in ctx: ActionContext) async throws -> [OutboxRecord] {
        let workspaceID = try CustomerActions.workspaceID(in: ctx)
        return try await OutboxStore.list(workspaceID: workspaceID, projectID: projectID, offset: offset, limit: limit, on: ctx.db)
    }

    /// Queues a failed row again, due at once, with a fresh count of attempts.
    static func retry(_ id: UUID, in ctx: ActionContext) async throws -> OutboxRecord {
        let workspaceID = try CustomerActions.workspaceID(in: ctx)
        let now = ctx.now
        return try await ctx.write { db in
            guard let row = try await OutboxStore.find(id, on: db), row.workspaceID == workspaceID else { throw DomainError.notFound }
            guard row.status == .failed else { throw DomainError.conflict("only a failed delivery can be sent again") }
            row.status = .queued
            row.attempts = 0
            row.nextAttemptAt = now
            row.claimedBy = nil
            row.claimedUntil = nil
            try await row.update(on: db)
            return row
        }
    }
}
