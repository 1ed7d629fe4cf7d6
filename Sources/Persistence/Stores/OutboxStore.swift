import Fluent
import Foundation
import SQLKit

/// What an action queues: one rendered message for one recipient.
public struct OutboxMessage: Sendable {
    public var workspaceID: UUID
    public var projectID: UUID?
    public var channel: String
    public var recipient: String
    public var subject: String
    public var body: String
    public var htmlBody: String?
    /// Unique per message (a unique index): queuing a key twice fails the write, so one event never sends twice.
    public var idempotencyKey: String
    /// Sent along with an e-mail (a meeting invitation's `.ics`).
    public var attachment: OutboxAttachment?

    public init(
        workspaceID: UUID, projectID: UUID?, channel: String = "email", recipient: String, subject: String, body: String,
        htmlBody: String?, idempotencyKey: String, attachment: OutboxAttachment? = nil
    ) {
        self.workspaceID = workspaceID
        self.projectID = projectID
        self.channel = channel
        self.recipient = recipient
        self.subject = subject
        self.body = body
        self.htmlBody = htmlBody
        self.idempotencyKey = idempotencyKey
        self.attachment = attachment
    }
}

/// The outbox: rows written in the transaction of the event that causes them, claimed and delivered by the jobs.
public enum OutboxStore {
    /// Queues `message`, due at once; call inside the action's write transaction so the row exists only if the event does.
    @discardableResult
    public static func enqueue(on db: any Database, _ message: OutboxMessage, now: Date) async throws -> OutboxRecord {
        let row = OutboxRecord()
        row.workspaceID = message.workspaceID
        row.projectID = message.projectID
        row.channel = message.channel
        row.recipient = message.recipient
        row.subject = message.subject
        row.body = message.body
        row.htmlBody = message.htmlBody
        row.status = .queued
        row.attempts = 0
        row.nextAttemptAt = now
        row.createdAt = now
        row.idempotencyKey = message.idempotencyKey
        row.attachmentName = message.attachment?.filename
        row.attachmentType = message.attachment?.contentType
        row.attachmentData = message.attachment?.data
        try await row.create(on: db)
        return row
    }

    /// Claims up to `limit` queued rows due at `now` for `owner` until `leaseUntil`, atomically: a row is claimed by
    /// one caller only (PostgreSQL: `FOR UPDATE SKIP LOCKED`; SQLite: one UPDATE statement holds the write lock, and
    /// its WHERE repeats the conditions, so a second process's UPDATE finds the row taken).
    public static func claimDue(now: Date, owner: String, leaseUntil: Date, limit: Int, on db: any Database) async throws -> [UUID] {
        guard let sql = db as? any SQLDatabase else { return [] }
        let lock: SQLQueryString = sql.dialect.name == "postgresql" ? " FOR UPDATE SKIP LOCKED" : ""
        let free: SQLQueryString = "status = 'queued' AND next_attempt_at <= \(bind: now) AND (claimed_until IS NULL OR claimed_until < \(bind: now))"
        let rows = try await sql.raw(
            """
            UPDATE outbox SET claimed_by = \(bind: owner), claimed_until = \(bind: leaseUntil) \
            WHERE \(free) AND id IN (SELECT id FROM outbox WHERE \(free) ORDER BY next_attempt_at LIMIT \(bind: limit)\(lock)) \
            RETURNING id
            """
        ).all()
        return try rows.map { try $0.decode(column: "id", as: UUID.self) }
    }

    /// Makes the e-mail that waited only because SMTP was not configured (`lastError == reason`) due at `now`: once a
    /// restart brings the settings, queued mail leaves at the next tick instead of an hour later.
    public static func wakeMailWaitingForSettings(reason: String, now: Date, on db: any Database) async throws {
        try await OutboxRecord.query(on: db).filter(\.$status == .queued).filter(\.$channel == "email").filter(\.$lastError == reason)
            .filter(\.$nextAttemptAt > now).set(\.$nextAttemptAt, to: now).update()
    }

    /// Whether any message was queued with an idempotency key starting with `prefix` (a reminder already sent);
    /// `prefix` must not hold `%` or `_`, which LIKE reads as wildcards.
    public static func exists(idempotencyKeyPrefix prefix: String, on db: any Database) async throws -> Bool {
        try await OutboxRecord.query(on: db).filter(\.$idempotencyKey =~ prefix).first() != nil
    }

    public static func find(_ id: UUID, on db: any Database) async throws -> OutboxRecord? {
        try await OutboxRecord.find(id, on: db)
    }

    /// The workspace's deliveries (of one project when given), newest first.
    public static func list(workspaceID: UUID, projectID: UUID?, offset: Int, limit: Int, on db: any Database) async throws -> [OutboxRecord] {
        var query = OutboxRecord.query(on: db).filter(\.$workspaceID == workspaceID)
        if let projectID { query = query.filter(\.$projectID == projectID) }
        return try await query.sort(\.$createdAt, .descending).sort(\.$id).offset(offset).limit(limit).all()
    }

    /// How many rows of the workspace wait with `reason` as their last error.
    public static func countQueued(workspaceID: UUID, lastError reason: String, on db: any Database) async throws -> Int {
        try await OutboxRecord.query(on: db).filter(\.$workspaceID == workspaceID).filter(\.$status == .queued)
            .filter(\.$lastError == reason).count()
    }
}

/// Scheduled jobs: one row per kind and key, claimed with a lease so one instance runs it at a time.
public enum JobStore {
    /// Makes the row for `kind`/`key` due at `dueAt` unless it exists.
    public static func ensure(kind: String, key: String, dueAt: Date, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw(
            """
            INSERT INTO jobs (id, kind, key, due_at, attempts) VALUES (\(bind: UUID()), \(bind: kind), \(bind: key), \(bind: dueAt), 0) \
            ON CONFLICT (kind, key) DO NOTHING
            """
        ).run()
    }

    /// Claims the job if it is due at `now` and not leased by anyone else; true when this caller holds it now.
    /// One conditional UPDATE, checked by the row it returns, so two instances never both hold it.
    public static func claim(kind: String, key: String, now: Date, owner: String, leaseUntil: Date, on db: any Database) async throws -> UUID? {
        guard let sql = db as? any SQLDatabase else { return nil }
        let row = try await sql.raw(
            """
            UPDATE jobs SET claimed_by = \(bind: owner), claimed_until = \(bind: leaseUntil), attempts = attempts + 1 \
            WHERE kind = \(bind: kind) AND key = \(bind: key) AND due_at <= \(bind: now) \
            AND (claimed_until IS NULL OR claimed_until < \(bind: now)) RETURNING id
            """
        ).first()
        return try row?.decode(column: "id", as: UUID.self)
    }

    /// Releases the claim and sets the next due time; `error` is kept as the last error (nil clears it).
    public static func finish(_ id: UUID, owner: String, ranAt: Date, nextDue: Date, error: String?, on db: any Database) async throws {
        guard let job = try await JobRecord.find(id, on: db), job.claimedBy == owner else { return }
        job.claimedBy = nil
        job.claimedUntil = nil
        job.dueAt = nextDue
        job.lastRunAt = ranAt
        job.lastError = error
        if error == nil { job.attempts = 0 }
        try await job.update(on: db)
    }

    public static func find(kind: String, key: String, on db: any Database) async throws -> JobRecord? {
        try await JobRecord.query(on: db).filter(\.$kind == kind).filter(\.$key == key).first()
    }
}
