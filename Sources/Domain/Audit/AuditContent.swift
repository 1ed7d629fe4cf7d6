import Foundation

/// The exact content each kind of decision vouches for: the sign-off writes it, verify recomputes it from the
/// record as it is now. One definition, so the two can never drift apart.
public enum AuditContent {
    public static let scopeSignOff = "scope.sign_off"
    /// A contact sent a proposal back; recorded in the history, not a decision `verify` compares with the record.
    public static let scopeRequestChanges = "scope.request_changes"
    public static let deliverableAccept = "deliverable.accept"
    public static let deliverableReturn = "deliverable.return"

    /// How a contact is named as an entry's actor, and as the decider of a record.
    public static func contactActor(_ id: UUID) -> String { "contact:\(id.uuidString.lowercased())" }

    /// A scope version's text and the signer's comment.
    public static func scopeVersion(
        number: Int, goalsJSON: String, inScopeJSON: String, outOfScopeJSON: String,
        notes: String?, comment: String?, files: [String] = []
    ) -> [(String, String)] {
        [
            ("number", String(number)), ("goals", goalsJSON), ("inScope", inScopeJSON), ("outOfScope", outOfScopeJSON),
            ("notes", notes ?? ""), ("comment", comment ?? ""),
        ] + filesField(files)
    }

    /// A deliverable as submitted and the customer's comment on it.
    public static func deliverable(
        name: String, acceptanceCriteria: String?, submissionNote: String?, link: String?,
        comment: String?, files: [String] = []
    ) -> [(String, String)] {
        [
            ("name", name), ("acceptanceCriteria", acceptanceCriteria ?? ""), ("submissionNote", submissionNote ?? ""),
            ("link", link ?? ""), ("comment", comment ?? ""),
        ] + filesField(files)
    }

    /// The SHA-256 of every file the decision saw, sorted so the order of uploads does not matter. Left out when
    /// there are none, so a decision recorded before files existed hashes as it did then.
    static func filesField(_ sha256s: [String]) -> [(String, String)] {
        sha256s.isEmpty ? [] : [("files", sha256s.sorted().joined(separator: ","))]
    }

    /// The files a decision at `decidedAt` saw: those uploaded by then (a returned deliverable takes new files for
    /// its next submission; they belong to the next decision, not to the return). Compared in whole milliseconds,
    /// as the chain compares times.
    public static func filesSeen(_ files: [StoredFile], decidedAt: Date?) -> [String] {
        guard let decidedAt else { return [] }
        return files.filter { AuditChain.millis($0.uploadedAt) <= AuditChain.millis(decidedAt) }.map(\.sha256)
    }
}

/// A record an audit entry can vouch for, as the database holds it now.
public struct AuditedRecord: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case scopeVersion = "scope_version"
        case deliverable
        /// A meeting's minutes, confirmed by a contact (`HistoryAction.minutesConfirmed`, `MinutesContent`).
        case meeting
    }

    public var kind: Kind
    public var id: UUID
    public var status: String
    /// The actor who decided (`contact:<id>`), and when; nil while undecided.
    public var decidedBy: String?
    public var decidedAt: Date?
    /// `AuditChain.contentHash` of the record's `AuditContent` fields.
    public var contentHash: String

    public init(kind: Kind, id: UUID, status: String, decidedBy: String?, decidedAt: Date?, contentHash: String) {
        self.kind = kind
        self.id = id
        self.status = status
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
        self.contentHash = contentHash
    }

    /// True when the record shows a decision that some entry must record.
    var showsDecision: Bool {
        switch kind {
        case .scopeVersion, .meeting: decidedAt != nil
        case .deliverable: status == "accepted" || status == "returned"
        }
    }
}
