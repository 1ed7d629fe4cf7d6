import Fluent
import Foundation

/// One scheduled job: `kind` names what runs, `key` which instance (e.g. a project), `dueAt` when it runs next.
public final class JobRecord: Model, @unchecked Sendable {
    public static let schema = "jobs"
    @ID public var id: UUID?
    @Field(key: "kind") public var kind: String
    @Field(key: "key") public var key: String
    @Field(key: "due_at") public var dueAt: Date
    @OptionalField(key: "claimed_by") public var claimedBy: String?
    @OptionalField(key: "claimed_until") public var claimedUntil: Date?
    @Field(key: "attempts") public var attempts: Int
    @OptionalField(key: "last_error") public var lastError: String?
    @OptionalField(key: "last_run_at") public var lastRunAt: Date?
    public init() {}
}

/// The delivery state of an outbox row.
public enum OutboxStatus: String, Codable, Sendable {
    case queued, sent, failed
}

/// One message to deliver, rendered when it was queued (in its recipient's language).
public final class OutboxRecord: Model, @unchecked Sendable {
    public static let schema = "outbox"
    @ID public var id: UUID?
    @Field(key: "workspace_id") public var workspaceID: UUID
    @OptionalField(key: "project_id") public var projectID: UUID?
    @Field(key: "channel") public var channel: String
    @Field(key: "recipient") public var recipient: String
    @Field(key: "subject") public var subject: String
    @Field(key: "body") public var body: String
    @OptionalField(key: "html_body") public var htmlBody: String?
    @Field(key: "status") public var status: OutboxStatus
    @Field(key: "attempts") public var attempts: Int
    @Field(key: "next_attempt_at") public var nextAttemptAt: Date
    @OptionalField(key: "claimed_by") public var claimedBy: String?
    @OptionalField(key: "claimed_until") public var claimedUntil: Date?
    @OptionalField(key: "last_error") public var lastError: String?
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "sent_at") public var sentAt: Date?
    @Field(key: "idempotency_key") public var idempotencyKey: String
    /// One optional attachment (a meeting invitation's `.ics`): its file name, content type and bytes.
    @OptionalField(key: "attachment_name") public var attachmentName: String?
    @OptionalField(key: "attachment_type") public var attachmentType: String?
    @OptionalField(key: "attachment_data") public var attachmentData: Data?
    public init() {}

    /// The attachment, when the row carries one.
    public var attachment: OutboxAttachment? {
        guard let attachmentName, let attachmentType, let attachmentData else { return nil }
        return OutboxAttachment(filename: attachmentName, contentType: attachmentType, data: attachmentData)
    }
}
