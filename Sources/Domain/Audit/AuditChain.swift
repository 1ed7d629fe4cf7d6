import Crypto
import Foundation

/// One link of the hash-chained audit log.
public struct AuditEntry: Sendable, Equatable {
    public var seq: Int
    public var at: Date
    public var actor: String
    public var action: String
    public var objectType: String
    public var objectID: UUID
    public var projectID: UUID?
    public var contentHash: String
    public var prevHash: String
    public var hash: String

    public init(seq: Int, at: Date, actor: String, action: String, objectType: String, objectID: UUID,
                projectID: UUID?, contentHash: String, prevHash: String, hash: String) {
        self.seq = seq
        self.at = at
        self.actor = actor
        self.action = action
        self.objectType = objectType
        self.objectID = objectID
        self.projectID = projectID
        self.contentHash = contentHash
        self.prevHash = prevHash
        self.hash = hash
    }
}

/// Builds and verifies the chain: each entry's hash covers its fields and the previous entry's hash.
public enum AuditChain {
    public static let genesisHash = String(repeating: "0", count: 64)

    public static func sha256Hex(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The hash of the exact content approved: the fields, in the order given, as an unambiguous list.
    public static func contentHash(_ fields: [(String, String)]) -> String {
        sha256Hex(canonical(fields.flatMap { [$0.0, $0.1] }))
    }

    /// A JSON array of strings: every value is quoted and escaped, so no text can move a field boundary.
    static func canonical(_ values: [String]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: values, options: [.withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// Milliseconds since 1970, so the hash survives databases that keep only millisecond precision.
    /// Rounded to the nearest: a stored instant comes back a few nanoseconds off in floating point,
    /// and rounding down would then change the hash.
    public static func millis(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }

    public static func entryHash(seq: Int, at: Date, actor: String, action: String, objectType: String,
                                 objectID: UUID, contentHash: String, prevHash: String) -> String {
        sha256Hex(canonical([String(seq), String(millis(at)), actor, action, objectType,
                             objectID.uuidString.lowercased(), contentHash, prevHash]))
    }

    /// The entry that follows `previous` (nil for the first).
    public static func next(after previous: AuditEntry?, at: Date, actor: String, action: String,
                            objectType: String, objectID: UUID, projectID: UUID?, contentHash: String) -> AuditEntry {
        let seq = (previous?.seq ?? 0) + 1
        let at = Date(timeIntervalSince1970: Double(millis(at)) / 1000)
        let prev = previous?.hash ?? genesisHash
        let hash = entryHash(seq: seq, at: at, actor: actor, action: action, objectType: objectType,
                             objectID: objectID, contentHash: contentHash, prevHash: prev)
        return AuditEntry(seq: seq, at: at, actor: actor, action: action, objectType: objectType, objectID: objectID,
                          projectID: projectID, contentHash: contentHash, prevHash: prev, hash: hash)
    }

    public struct Verification: Sendable, Equatable {
        public var ok: Bool
        public var entries: Int
        public var firstBadSeq: Int?
    }

    /// Replays the chain in order and names the first entry that does not match.
    public static func verify(_ entries: [AuditEntry]) -> Verification {
        var previousHash = genesisHash
        var expectedSeq = 1
        for entry in entries {
            let recomputed = entryHash(seq: entry.seq, at: entry.at, actor: entry.actor, action: entry.action,
                                       objectType: entry.objectType, objectID: entry.objectID,
                                       contentHash: entry.contentHash, prevHash: entry.prevHash)
            guard entry.seq == expectedSeq, entry.prevHash == previousHash, entry.hash == recomputed else {
                return Verification(ok: false, entries: entries.count, firstBadSeq: entry.seq)
            }
            previousHash = entry.hash
            expectedSeq += 1
        }
        return Verification(ok: true, entries: entries.count, firstBadSeq: nil)
    }
}
