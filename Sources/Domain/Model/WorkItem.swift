import Foundation

/// A piece of work with an owner, dates and progress (never called "Task": Swift has one).
public struct WorkItem: Sendable, Equatable {
    public struct Dependency: Sendable, Equatable, Hashable {
        public var predecessorID: UUID
        public var lagDays: Int
        public init(predecessorID: UUID, lagDays: Int = 0) {
            self.predecessorID = predecessorID
            self.lagDays = lagDays
        }
    }

    public var id: UUID
    public var projectID: UUID
    public var title: String
    public var startDate: LocalDate
    public var dueDate: LocalDate
    public var estimateHours: Double?
    public var assigneeID: UUID?
    public var milestoneID: UUID?
    public var dependencies: [Dependency]
    public var visibleToCustomer: Bool
    public var isKey: Bool
    public var progress: Int
    public var status: WorkItemStatus

    public init(
        id: UUID, projectID: UUID, title: String, startDate: LocalDate, dueDate: LocalDate,
        estimateHours: Double? = nil, assigneeID: UUID? = nil, milestoneID: UUID? = nil,
        dependencies: [Dependency] = [], visibleToCustomer: Bool = false, isKey: Bool = false,
        progress: Int = 0, status: WorkItemStatus = .todo
    ) {
        self.id = id
        self.projectID = projectID
        self.title = title
        self.startDate = startDate
        self.dueDate = dueDate
        self.estimateHours = estimateHours
        self.assigneeID = assigneeID
        self.milestoneID = milestoneID
        self.dependencies = dependencies
        self.visibleToCustomer = visibleToCustomer
        self.isKey = isKey
        self.progress = progress
        self.status = status
    }

    public var dependsOn: [UUID] { dependencies.map(\.predecessorID) }
}
