import Foundation

/// A message of a project's thread: Markdown from a member or a contact, seen by the team only (`internal`) or
/// by the customer's contacts too (`customer`).
public struct Message: Equatable, Sendable {
    public enum Visibility: String, CaseIterable, Codable, Sendable {
        case `internal`, customer
    }

    public enum AuthorKind: String, CaseIterable, Codable, Sendable {
        case member, contact
    }

    public var id: UUID
    public var projectID: UUID
    public var body: String
    public var visibility: Visibility
    public var authorKind: AuthorKind
    public var authorID: UUID
    /// The author's name when they wrote it (the thread reads as it was written).
    public var authorName: String
    public var createdAt: Date

    public init(
        id: UUID, projectID: UUID, body: String, visibility: Visibility, authorKind: AuthorKind, authorID: UUID, authorName: String,
        createdAt: Date
    ) {
        self.id = id
        self.projectID = projectID
        self.body = body
        self.visibility = visibility
        self.authorKind = authorKind
        self.authorID = authorID
        self.authorName = authorName
        self.createdAt = createdAt
    }

    /// The longest body accepted, in characters.
    public static let maxBodyLength = 10_000

    /// The body as stored: line ends made LF, no other control characters, trimmed, 1–10,000 characters.
    public static func validBody(_ body: String) throws -> String {
        guard let text = try Validate.optionalText(body, field: "body", max: maxBodyLength) else {
            throw DomainError.validation(field: "body", rule: .empty)
        }
        return text
    }

    /// Contacts speak to the team in the open: a contact may post only customer-visible messages.
    public static func allowedVisibility(_ visibility: Visibility, fromContact: Bool) throws -> Visibility {
        if fromContact, visibility != .customer { throw DomainError.validation(field: "visibility", rule: .notAllowed) }
        return visibility
    }

    public var fact: MessageFact {
        MessageFact(id: id, at: createdAt, fromCustomer: authorKind == .contact, customerVisible: visibility == .customer, authorName: authorName)
    }
}
