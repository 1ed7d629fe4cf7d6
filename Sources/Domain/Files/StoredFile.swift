import Foundation

/// What an uploaded file belongs to. One table serves every owner, so change requests and messages can carry
/// files later by adding a case here.
public enum FileOwnerKind: String, CaseIterable, Codable, Sendable {
    case deliverable
    case scopeVersion = "scope_version"
}

/// An uploaded file's metadata; the bytes live under the data directory, named by their SHA-256.
public struct StoredFile: Sendable, Equatable {
    public var id: UUID
    public var ownerKind: FileOwnerKind
    public var ownerID: UUID
    public var projectID: UUID
    /// The uploader's file name made safe for display; never used as a path.
    public var name: String
    public var size: Int64
    /// As the uploader's browser gave it (checked to be a plain `type/subtype`); served as an attachment anyway.
    public var contentType: String
    /// Lower-case hex SHA-256 of the bytes.
    public var sha256: String
    /// `member:<id>` (later `contact:<id>`), as audit entries name actors.
    public var uploadedBy: String
    public var uploadedAt: Date

    public init(
        id: UUID, ownerKind: FileOwnerKind, ownerID: UUID, projectID: UUID, name: String, size: Int64, contentType: String,
        sha256: String, uploadedBy: String, uploadedAt: Date
    ) {
        self.id = id
        self.ownerKind = ownerKind
        self.ownerID = ownerID
        self.projectID = projectID
        self.name = name
        self.size = size
        self.contentType = contentType
        self.sha256 = sha256
        self.uploadedBy = uploadedBy
        self.uploadedAt = uploadedAt
    }
}
