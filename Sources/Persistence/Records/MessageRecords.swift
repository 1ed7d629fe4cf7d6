import Domain
import Fluent
import Foundation

/// A message of a project's thread (`Message` in Domain).
public final class MessageRecord: Model, @unchecked Sendable {
    public static let schema = "messages"
    @ID public var id: UUID?
    @Field(key: "project_id") public var projectID: UUID
    @Field(key: "body") public var body: String
    @Field(key: "visibility") public var visibility: Message.Visibility
    @Field(key: "author_kind") public var authorKind: Message.AuthorKind
    @Field(key: "author_id") public var authorID: UUID
    @Field(key: "author_name") public var authorName: String
    @Field(key: "created_at") public var createdAt: Date
    public init() {}

    public init(_ message: Message) {
        id = message.id
        projectID = message.projectID
        body = message.body
        visibility = message.visibility
        authorKind = message.authorKind
        authorID = message.authorID
        authorName = message.authorName
        createdAt = message.createdAt
    }

    public func domain() throws -> Message {
        Message(
            id: try requireID(), projectID: projectID, body: body, visibility: visibility, authorKind: authorKind, authorID: authorID,
            authorName: authorName, createdAt: createdAt)
    }
}
