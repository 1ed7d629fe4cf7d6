import Foundation

/// A person at a customer; may get portal access. An inactive one stays on the record but never signs in.
public struct Contact: Sendable, Equatable {
    public var id: UUID
    public var customerID: UUID
    public var name: String
    public var email: String
    public var phone: String?
    public var language: Language
    public var preferredChannel: ContactChannel?
    public var active: Bool
    public var createdAt: Date

    public init(
        id: UUID, customerID: UUID, name: String, email: String, phone: String?, language: Language,
        preferredChannel: ContactChannel?, active: Bool, createdAt: Date
    ) {
        self.id = id
        self.customerID = customerID
        self.name = name
        self.email = email
        self.phone = phone
        self.language = language
        self.preferredChannel = preferredChannel
        self.active = active
        self.createdAt = createdAt
    }
}
