import Foundation

/// What the team hands over for a milestone; the customer accepts it or returns it with a comment.
public struct Deliverable: Sendable, Equatable {
    public var id: UUID
    public var milestoneID: UUID
    public var projectID: UUID
    public var name: String
    public var acceptanceCriteria: String?
    public var status: DeliverableStatus
    public var submissionNote: String?
    public var link: String?
    public var decisionComment: String?
    /// The contact who accepted or returned it, and when.
    public var decidedBy: UUID?
    public var decidedAt: Date?
    public var createdAt: Date

    public init(
        id: UUID, milestoneID: UUID, projectID: UUID, name: String, acceptanceCriteria: String?, status: DeliverableStatus,
        submissionNote: String?, link: String?, decisionComment: String?, decidedBy: UUID?, decidedAt: Date?, createdAt: Date
    ) {
        self.id = id
        self.milestoneID = milestoneID
        self.projectID = projectID
        self.name = name
        self.acceptanceCriteria = acceptanceCriteria
        self.status = status
        self.submissionNote = submissionNote
        self.link = link
        self.decisionComment = decisionComment
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
        self.createdAt = createdAt
    }
}

/// A milestone with its deliverables, in the order they were added.
public struct MilestoneDetail: Sendable, Equatable {
    public var milestone: Milestone
    public var deliverables: [Deliverable]

    public init(milestone: Milestone, deliverables: [Deliverable]) {
        self.milestone = milestone
        self.deliverables = deliverables
    }
}
