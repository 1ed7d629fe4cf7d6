import Foundation

/// A dated point of the project, with deliverables the customer accepts or returns.
public struct Milestone: Sendable, Equatable {
    public var id: UUID
    public var projectID: UUID
    public var name: String
    public var description: String?
    public var dueDate: LocalDate
    public var visibleToCustomer: Bool

    public init(id: UUID, projectID: UUID, name: String, description: String?, dueDate: LocalDate, visibleToCustomer: Bool) {
        self.id = id
        self.projectID = projectID
        self.name = name
        self.description = description
        self.dueDate = dueDate
        self.visibleToCustomer = visibleToCustomer
    }
}
