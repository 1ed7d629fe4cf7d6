import Domain
import Fluent
import Foundation

public final class WorkspaceRecord: Model, @unchecked Sendable {
    public static let schema = "workspaces"
    @ID public var id: UUID?
    @Field(key: "name") public var name: String
    @Field(key: "created_at") public var createdAt: Date
    public init() {}
    public init(id: UUID? = nil, name: String, createdAt: Date) {
        self.id = id
        self.name = name
        self.createdAt = createdAt
    }
}

public final class MemberRecord: Model, @unchecked Sendable {
    public static let schema = "members"
    @ID public var id: UUID?
    @Field(key: "workspace_id") public var workspaceID: UUID
    @Field(key: "name") public var name: String
    @Field(key: "email") public var email: String
    @Field(key: "role") public var role: MemberRole
    @Field(key: "language") public var language: Language
    @Field(key: "password_hash") public var passwordHash: String
    @Field(key: "created_at") public var createdAt: Date
    /// False once deactivated: no sign-in, no session, no token.
    @Field(key: "active") public var active: Bool
    public init() {}
    public init(workspaceID: UUID, name: String, email: String, role: MemberRole, language: Language, passwordHash: String, createdAt: Date) {
        self.workspaceID = workspaceID
        self.name = name
        self.email = email
        self.role = role
        self.language = language
        self.passwordHash = passwordHash
        self.createdAt = createdAt
        self.active = true
    }
}

/// A single-use link that lets a colleague join the workspace with `role` (7 days); stored hashed.
public final class MemberInvitationRecord: Model, @unchecked Sendable {
    public static let schema = "member_invitations"
    @ID public var id: UUID?
    @Field(key: "workspace_id") public var workspaceID: UUID
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "email") public var email: String
    @Field(key: "role") public var role: MemberRole
    @Field(key: "language") public var language: Language
    @Field(key: "invited_by") public var invitedBy: UUID
    @Field(key: "expires_at") public var expiresAt: Date
    @OptionalField(key: "used_at") public var usedAt: Date?
    @Field(key: "created_at") public var createdAt: Date
    public init() {}
    public init(
        workspaceID: UUID, tokenHash: String, email: String, role: MemberRole, language: Language, invitedBy: UUID,
        expiresAt: Date, createdAt: Date
    ) {
        self.workspaceID = workspaceID
        self.tokenHash = tokenHash
        self.email = email
        self.role = role
        self.language = language
        self.invitedBy = invitedBy
        self.expiresAt = expiresAt
        self.createdAt = createdAt
    }
}

/// A bearer credential: API token (`kind` "api") or page session (`kind` "web"), stored hashed.
public final class CredentialRecord: Model, @unchecked Sendable {
    public static let schema = "credentials"
    @ID public var id: UUID?
    @Field(key: "kind") public var kind: String
    @Field(key: "token_hash") public var tokenHash: String
    @OptionalField(key: "member_id") public var memberID: UUID?
    @OptionalField(key: "contact_id") public var contactID: UUID?
    @Field(key: "csrf_token") public var csrfToken: String
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "expires_at") public var expiresAt: Date
    public init() {}
    public init(kind: String, tokenHash: String, memberID: UUID?, contactID: UUID?, csrfToken: String, createdAt: Date, expiresAt: Date) {
        self.kind = kind
        self.tokenHash = tokenHash
        self.memberID = memberID
        self.contactID = contactID
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

/// One failed sign-in, counted per IP and per account to throttle guessing across instances.
public final class SignInAttemptRecord: Model, @unchecked Sendable {
    public static let schema = "sign_in_attempts"
    @ID public var id: UUID?
    @Field(key: "key") public var key: String
    @Field(key: "at") public var at: Date
    public init() {}
    public init(key: String, at: Date) {
        self.key = key
        self.at = at
    }
}

public final class KnownDeviceRecord: Model, @unchecked Sendable {
    public static let schema = "known_devices"
    @ID public var id: UUID?
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "member_id") public var memberID: UUID
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "expires_at") public var expiresAt: Date
    public init() {}
    public init(tokenHash: String, memberID: UUID, createdAt: Date, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.memberID = memberID
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}
