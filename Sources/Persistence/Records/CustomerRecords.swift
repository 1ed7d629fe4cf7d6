import Domain
import Fluent
import Foundation

public final class CustomerRecord: Model, @unchecked Sendable {
    public static let schema = "customers"
    @ID public var id: UUID?
    @Field(key: "workspace_id") public var workspaceID: UUID
    @Field(key: "name") public var name: String
    @Field(key: "language") public var language: Language
    @OptionalField(key: "notes") public var notes: String?
    @Field(key: "created_at") public var createdAt: Date
    public init() {}
    public init(workspaceID: UUID, name: String, language: Language, notes: String?, createdAt: Date) {
        self.workspaceID = workspaceID
        self.name = name
        self.language = language
        self.notes = notes
        self.createdAt = createdAt
    }

    public func domain() throws -> Customer {
        Customer(id: try requireID(), workspaceID: workspaceID, name: name, language: language, notes: notes, createdAt: createdAt)
    }
}

public final class ContactRecord: Model, @unchecked Sendable {
    public static let schema = "contacts"
    @ID public var id: UUID?
    @Field(key: "customer_id") public var customerID: UUID
    @Field(key: "name") public var name: String
    @Field(key: "email") public var email: String
    @OptionalField(key: "phone") public var phone: String?
    @Field(key: "language") public var language: Language
    @OptionalField(key: "preferred_channel") public var preferredChannel: ContactChannel?
    @Field(key: "created_at") public var createdAt: Date
    /// False once removed after signing or deciding something: kept for the record, never signed in again.
    @Field(key: "active") public var active: Bool
    public init() {}
    public init(customerID: UUID, name: String, email: String, phone: String?, language: Language, preferredChannel: ContactChannel?, createdAt: Date)
    {
        self.customerID = customerID
        self.name = name
        self.email = email
        self.phone = phone
        self.language = language
        self.preferredChannel = preferredChannel
        self.createdAt = createdAt
        self.active = true
    }

    public func domain() throws -> Contact {
        Contact(
            id: try requireID(), customerID: customerID, name: name, email: email, phone: phone, language: language,
            preferredChannel: preferredChannel, active: active, createdAt: createdAt)
    }
}

/// A contact's access to one project, created when they accept an invitation.
public final class ProjectContactRecord: Model, @unchecked Sendable {
    public static let schema = "project_contacts"
    @ID public var id: UUID?
    @Field(key: "project_id") public var projectID: UUID
    @Field(key: "contact_id") public var contactID: UUID
    @Field(key: "can_approve") public var canApprove: Bool
    @Field(key: "created_at") public var createdAt: Date
    public init() {}
    public init(projectID: UUID, contactID: UUID, canApprove: Bool, createdAt: Date) {
        self.projectID = projectID
        self.contactID = contactID
        self.canApprove = canApprove
        self.createdAt = createdAt
    }
}

/// A single-use link: a project invitation (`kind` "invitation") or a portal sign-in link (`kind` "sign_in").
public final class AccessLinkRecord: Model, @unchecked Sendable {
    public static let schema = "access_links"
    @ID public var id: UUID?
    @Field(key: "kind") public var kind: String
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "contact_id") public var contactID: UUID
    @OptionalField(key: "project_id") public var projectID: UUID?
    @Field(key: "can_approve") public var canApprove: Bool
    @Field(key: "expires_at") public var expiresAt: Date
    @OptionalField(key: "used_at") public var usedAt: Date?
    @Field(key: "created_at") public var createdAt: Date
    public init() {}
    public init(kind: String, tokenHash: String, contactID: UUID, projectID: UUID?, canApprove: Bool, expiresAt: Date, createdAt: Date) {
        self.kind = kind
        self.tokenHash = tokenHash
        self.contactID = contactID
        self.projectID = projectID
        self.canApprove = canApprove
        self.expiresAt = expiresAt
        self.createdAt = createdAt
    }
}
