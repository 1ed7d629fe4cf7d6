import Foundation

/// What `audit verify` found wrong, in words an operator can act on.
public enum AuditProblem: Sendable, Equatable, CustomStringConvertible {
    /// Entries are numbered 1, 2, 3 …; `seq` stands where `expected` should.
    case outOfSequence(seq: Int, expected: Int)
    /// The entry does not point at the previous entry's hash.
    case brokenLink(seq: Int)
    /// The entry's own hash does not match its fields under the key.
    case entryHash(seq: Int)
    /// The record no longer has the content the entry vouches for.
    case contentDiffers(objectType: String, objectID: UUID, seq: Int)
    /// The record no longer shows the decision (who, when, status) the entry records.
    case decisionDiffers(objectType: String, objectID: UUID, seq: Int)
    /// The record the entry vouches for is gone.
    case recordMissing(objectType: String, objectID: UUID, seq: Int)
    /// A record shows a decision that no entry records.
    case unrecorded(objectType: String, objectID: UUID)
    /// The chain is shorter than the checkpoint kept outside the database.
    case truncated(chainEnd: Int, checkpointSeq: Int)
    /// The entry at the checkpoint's seq has another hash than the checkpoint.
    case checkpointDiffers(seq: Int)
    /// The checkpoint file is unreadable or its seal does not match.
    case checkpointUnsealed

    /// The first entry the problem concerns, for `firstBadSeq`.
    public var seq: Int? {
        switch self {
        case .outOfSequence(let seq, _), .brokenLink(let seq), .entryHash(let seq), .checkpointDiffers(let seq): seq
        case .contentDiffers(_, _, let seq), .decisionDiffers(_, _, let seq), .recordMissing(_, _, let seq): seq
        case .truncated(let chainEnd, _): chainEnd + 1
        case .unrecorded, .checkpointUnsealed: nil
        }
    }

    public var description: String {
        switch self {
        case .outOfSequence(let seq, let expected):
            "entry \(seq): expected entry \(expected) here: entries are missing or out of order"
        case .brokenLink(let seq):
            "entry \(seq): does not link to the entry before it (an entry was removed, inserted or rewritten)"
        case .entryHash(let seq):
            "entry \(seq): hash does not match (keyed with another key, or edited)"
        case .contentDiffers(let type, let id, let seq):
            "\(type) \(id.uuidString.lowercased()) (entry \(seq)): content differs from what was \(type == "scope_version" ? "signed" : "decided")"
        case .decisionDiffers(let type, let id, let seq):
            "\(type) \(id.uuidString.lowercased()) (entry \(seq)): no longer shows the decision this entry records (status, who or when changed)"
        case .recordMissing(let type, let id, let seq):
            "\(type) \(id.uuidString.lowercased()) (entry \(seq)): the record this entry vouches for is missing"
        case .unrecorded(let type, let id):
            "\(type) \(id.uuidString.lowercased()): shows a decision that no audit entry records"
        case .truncated(let chainEnd, let checkpointSeq):
            "chain ends at \(chainEnd) but the checkpoint says \(checkpointSeq): entries were removed"
        case .checkpointDiffers(let seq):
            "entry \(seq): hash differs from the checkpoint's: the chain was rewritten"
        case .checkpointUnsealed:
            "the checkpoint file is unreadable or its seal does not match (another key, or edited)"
        }
    }
}
