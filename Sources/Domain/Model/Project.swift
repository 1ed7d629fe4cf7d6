import Foundation

/// A project of the workspace, run together with one customer.
public struct Project: Sendable, Equatable {
    public var id: UUID
    public var customerID: UUID
    public var name: String
    public var goals: [String]
    public var timeZone: String
    public var startDate: LocalDate
    public var currency: String
    public var budgetMinor: Int?
    public var status: ProjectStatus
    public var createdAt: Date

    public init(id: UUID, customerID: UUID, name: String, goals: [String], timeZone: String, startDate: LocalDate,
                currency: String, budgetMinor: Int?, status: ProjectStatus, createdAt: Date) {
        self.id = id
        self.customerID = customerID
        self.name = name
        self.goals = goals
        self.timeZone = timeZone
        self.startDate = startDate
        self.currency = currency
        self.budgetMinor = budgetMinor
        self.status = status
        self.createdAt = createdAt
    }
}
