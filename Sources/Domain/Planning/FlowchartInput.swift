import Foundation

/// A box of the dependency flowchart: a work item or a milestone.
public struct FlowchartNode: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case workItem, milestone
    }

    public let id: UUID
    public let label: String
    public let kind: Kind
    public let status: WorkItemStatus
    public let isCritical: Bool
    /// Ids of nodes this one depends on; ids that are not nodes of the chart are ignored.
    public let predecessors: [UUID]

    public init(
        id: UUID, label: String, kind: Kind = .workItem, status: WorkItemStatus,
        isCritical: Bool, predecessors: [UUID] = []
    ) {
        self.id = id
        self.label = label
        self.kind = kind
        self.status = status
        self.isCritical = isCritical
        self.predecessors = predecessors
    }
}

/// Already-translated words of the flowchart legend and description.
public struct FlowchartLabels: Hashable, Sendable {
    public var statuses: GanttLabels
    /// Plural noun for dependencies, e.g. "dependencies" / "个依赖".
    public var dependencies: String

    public init(statuses: GanttLabels, dependencies: String) {
        self.statuses = statuses
        self.dependencies = dependencies
    }

    public static let english = FlowchartLabels(statuses: .english, dependencies: "dependencies")
}

/// A finish-to-start link between two items.
public struct DependencyEdge: Hashable, Sendable {
    public let predecessor: UUID
    public let successor: UUID

    public init(predecessor: UUID, successor: UUID) {
        self.predecessor = predecessor
        self.successor = successor
    }
}
