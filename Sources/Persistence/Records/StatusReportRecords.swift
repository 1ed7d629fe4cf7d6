import Domain
import Fluent
import Foundation

/// A draft or published status report; `content` is the snapshot as canonical JSON (`ReportContent`).
public final class StatusReportRecord: Model, @unchecked Sendable {
    public static let schema = "status_reports"
    @ID public var id: UUID?
    @Field(key: "project_id") public var projectID: UUID
    /// `draft` or `published`.
    @Field(key: "status") public var status: String
    /// 1, 2, … per project, given when published.
    @OptionalField(key: "number") public var number: Int?
    @Field(key: "period_start") public var periodStart: String
    @Field(key: "period_end") public var periodEnd: String
    @Field(key: "content") public var content: String
    /// SHA-256 of `content` (the canonical JSON), set when published.
    @OptionalField(key: "content_hash") public var contentHash: String?
    /// The member who drafted it; nil when a job did.
    @OptionalField(key: "created_by") public var createdBy: UUID?
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date
    @OptionalField(key: "published_by") public var publishedBy: UUID?
    @OptionalField(key: "published_at") public var publishedAt: Date?
    public init() {}

    public var isPublished: Bool { status == "published" }

    /// The snapshot; a row whose content cannot be read is a stored-value error, never a crash.
    public func report() throws -> ReportContent {
        do {
            return try JSONDecoder().decode(ReportContent.self, from: Data(content.utf8))
        } catch {
            throw StoredValueError(table: Self.schema, id: id ?? UUID(), column: "content")
        }
    }
}

/// A contact's answer to a published report. `onceKey` makes an acknowledgement (and each one-click link) count
/// once per contact and report: `acknowledge`, `link-question`, or a fresh id for another question.
public final class FeedbackRecord: Model, @unchecked Sendable {
    public static let schema = "status_report_feedback"
    @ID public var id: UUID?
    @Field(key: "report_id") public var reportID: UUID
    @Field(key: "contact_id") public var contactID: UUID
    @Field(key: "kind") public var kind: FeedbackKind
    @OptionalField(key: "rating") public var rating: Int?
    @OptionalField(key: "comment") public var comment: String?
    /// `portal`, `api` or `link`.
    @Field(key: "via") public var via: String
    @Field(key: "once_key") public var onceKey: String
    @Field(key: "at") public var at: Date
    public init() {}
}
