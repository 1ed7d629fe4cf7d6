import Fluent
import Foundation

/// A person's secret calendar feed: the SHA-256 of its token and whose it is (a member or a contact, never both).
public final class CalendarFeedRecord: Model, @unchecked Sendable {
    public static let schema = "calendar_feeds"
    @ID public var id: UUID?
    @Field(key: "token_hash") public var tokenHash: String
    @OptionalField(key: "member_id") public var memberID: UUID?
    @OptionalField(key: "contact_id") public var contactID: UUID?
    @Field(key: "created_at") public var createdAt: Date
    public init() {}
}
