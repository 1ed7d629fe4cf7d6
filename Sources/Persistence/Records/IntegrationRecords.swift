import Fluent
import Foundation

/// One IM robot or webhook of a project. `urlSealed`/`secretSealed` are base64 of ChaCha20-Poly1305 sealed boxes
/// (the Web layer holds the key); nothing here is readable without it but the host.
public final class IntegrationRecord: Model, @unchecked Sendable {
    public static let schema = "integrations"
    @ID public var id: UUID?
    @Field(key: "workspace_id") public var workspaceID: UUID
    @Field(key: "project_id") public var projectID: UUID
    @Field(key: "kind") public var kind: String
    @Field(key: "audience") public var audience: String
    @Field(key: "host") public var host: String
    @Field(key: "url_sealed") public var urlSealed: String
    @OptionalField(key: "secret_sealed") public var secretSealed: String?
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "removed_at") public var removedAt: Date?
    public init() {}
}
