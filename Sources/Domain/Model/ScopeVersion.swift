import Foundation

/// A numbered, immutable text of goals and scope that an approving contact signs off.
public struct ScopeVersion: Sendable, Equatable {
    public var id: UUID
    public var projectID: UUID
    public var number: Int
    public var goals: [String]
    public var inScope: [String]
    public var outOfScope: [String]
    public var notes: String?
    public var status: ScopeStatus
    public var createdAt: Date
    /// The contact who signed it off, when and with what comment.
    public var signedOffBy: UUID?
    public var signedOffAt: Date?
    public var signOffComment: String?

    public init(
        id: UUID, projectID: UUID, number: Int, goals: [String], inScope: [String], outOfScope: [String], notes: String?,
        status: ScopeStatus, createdAt: Date, signedOffBy: UUID? = nil, signedOffAt: Date? = nil, signOffComment: String? = nil
    ) {
        self.id = id
        self.projectID = projectID
        self.number = number
        self.goals = goals
        self.inScope = inScope
        self.outOfScope = outOfScope
        self.notes = notes
        self.status = status
        self.createdAt = createdAt
        self.signedOffBy = signedOffBy
        self.signedOffAt = signedOffAt
        self.signOffComment = signOffComment
    }

    /// The version a page shows: the open proposal, else the signed one.
    public static func current(of versions: [ScopeVersion]) -> ScopeVersion? {
        versions.filter { $0.status == .proposed }.max { $0.number < $1.number }
            ?? versions.filter { $0.status == .signedOff }.max { $0.number < $1.number }
    }
}
