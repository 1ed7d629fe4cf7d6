import Foundation

/// A customer organisation of the workspace.
public struct Customer: Sendable, Equatable {
    public var id: UUID
    public var workspaceID: UUID
    public var name: String
    /// The language the customer's contacts get by default.
    public var language: Language
    public var notes: String?
    public var createdAt: Date

    public init(id: UUID, workspaceID: UUID, name: String, language: Language, notes: String?, createdAt: Date) {
        self.id = id
        self.workspaceID = workspaceID
        self.name = name
        self.language = language
        self.notes = notes
        self.createdAt = createdAt
    }
}
