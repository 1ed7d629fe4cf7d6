import Domain
import Fluent
import Foundation

/// One uploaded file's metadata (the bytes are in the data directory, named by `sha256`).
public final class FileRecord: Model, @unchecked Sendable {
    public static let schema = "files"
    @ID public var id: UUID?
    @Field(key: "owner_kind") public var ownerKind: FileOwnerKind
    @Field(key: "owner_id") public var ownerID: UUID
    @Field(key: "project_id") public var projectID: UUID
    @Field(key: "name") public var name: String
    @Field(key: "size") public var size: Int64
    @Field(key: "content_type") public var contentType: String
    @Field(key: "sha256") public var sha256: String
    @Field(key: "uploaded_by") public var uploadedBy: String
    @Field(key: "uploaded_at") public var uploadedAt: Date
    public init() {}

    public init(_ file: StoredFile) {
        id = file.id
        ownerKind = file.ownerKind
        ownerID = file.ownerID
        projectID = file.projectID
        name = file.name
        size = file.size
        contentType = file.contentType
        sha256 = file.sha256
        uploadedBy = file.uploadedBy
        uploadedAt = file.uploadedAt
    }

    public func domain() throws -> StoredFile {
        StoredFile(
            id: try requireID(), ownerKind: ownerKind, ownerID: ownerID, projectID: projectID, name: name, size: size,
            contentType: contentType, sha256: sha256, uploadedBy: uploadedBy, uploadedAt: uploadedAt)
    }
}
