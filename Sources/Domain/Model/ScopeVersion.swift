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
    /// The contact who sent it back, when and with what they asked to change.
    public var changesRequestedBy: UUID?
    public var changesRequestedAt: Date?
    public var changesRequestedComment: String?

    public init(
        id: UUID, projectID: UUID, number: Int, goals: [String], inScope: [String], outOfScope: [String], notes: String?,
        status: ScopeStatus, createdAt: Date, signedOffBy: UUID? = nil, signedOffAt: Date? = nil, signOffComment: String? = nil,
        changesRequestedBy: UUID? = nil, changesRequestedAt: Date? = nil, changesRequestedComment: String? = nil
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
        self.changesRequestedBy = changesRequestedBy
        self.changesRequestedAt = changesRequestedAt
        self.changesRequestedComment = changesRequestedComment
    }

    /// Whether a contact ever signed this version (it stays so once a newer one supersedes it).
    public var wasSignedOff: Bool { signedOffAt != nil }

    /// The version a page shows: the open proposal, else a newer version sent back (so its request stays in
    /// view until the team proposes again), else the signed one.
    public static func current(of versions: [ScopeVersion]) -> ScopeVersion? {
        let signed = versions.filter { $0.status == .signedOff }.max { $0.number < $1.number }
        if let open = versions.filter({ $0.status == .proposed }).max(by: { $0.number < $1.number }) { return open }
        if let sentBack = versions.filter({ $0.status == .changesRequested }).max(by: { $0.number < $1.number }),
            sentBack.number > signed?.number ?? 0
        {
            return sentBack
        }
        return signed
    }

    /// What `version` is compared with: the latest version signed off before it, nil when there is none.
    public static func signedBefore(_ version: ScopeVersion, in versions: [ScopeVersion]) -> ScopeVersion? {
        versions.filter { $0.wasSignedOff && $0.number < version.number }.max { $0.number < $1.number }
    }
}
