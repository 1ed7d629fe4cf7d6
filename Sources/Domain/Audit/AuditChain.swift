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

    public init(
        seq: Int, at: Date, actor: String, action: String, objectType: String, objectID: UUID,
        projectID: UUID?, contentHash: String, prevHash: String, hash: String
    ) {
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

    /// The hash of one entry under `scheme`: its fields and the previous entry's hash, as an unambiguous list.
    public static func entryHash(
        seq: Int, at: Date, actor: String, action: String, objectType: String,
        objectID: UUID, contentHash: String, prevHash: String, scheme: AuditScheme
    ) -> String {
        scheme.hash(
            canonical([
                String(seq), String(millis(at)), actor, action, objectType,
                objectID.uuidString.lowercased(), contentHash, prevHash,
            ]))
    }

    static func entryHash(of entry: AuditEntry, scheme: AuditScheme) -> String {
        entryHash(
            seq: entry.seq, at: entry.at, actor: entry.actor, action: entry.action, objectType: entry.objectType,
            objectID: entry.objectID, contentHash: entry.contentHash, prevHash: entry.prevHash, scheme: scheme)
    }

    /// The entry that follows `previous` (nil for the first), keyed with `key`.
    public static func next(
        after previous: AuditEntry?, at: Date, actor: String, action: String, objectType: String,
        objectID: UUID, projectID: UUID?, contentHash: String, key: AuditKey
    ) -> AuditEntry {
        let seq = (previous?.seq ?? 0) + 1
        let at = Date(timeIntervalSince1970: Double(millis(at)) / 1000)
        let prev = previous?.hash ?? genesisHash
        let hash = entryHash(
            seq: seq, at: at, actor: actor, action: action, objectType: objectType,
            objectID: objectID, contentHash: contentHash, prevHash: prev, scheme: .keyed(key))
        return AuditEntry(
            seq: seq, at: at, actor: actor, action: action, objectType: objectType, objectID: objectID,
            projectID: projectID, contentHash: contentHash, prevHash: prev, hash: hash)
    }

    /// What a verification found: `problem` names the first thing wrong; `warning` is something to look at
    /// that does not by itself show tampering (a missing checkpoint).
    public struct Verification: Sendable, Equatable {
        public var ok: Bool
        public var entries: Int
        public var firstBadSeq: Int?
        public var problem: AuditProblem?
        public var warning: String?

        public init(ok: Bool, entries: Int, firstBadSeq: Int?, problem: AuditProblem? = nil, warning: String? = nil) {
            self.ok = ok
            self.entries = entries
            self.firstBadSeq = firstBadSeq
            self.problem = problem
            self.warning = warning
        }

        init(entries: Int, problem: AuditProblem?, warning: String? = nil) {
            self.init(ok: problem == nil, entries: entries, firstBadSeq: problem?.seq, problem: problem, warning: warning)
        }
    }

    /// Replays the chain alone (numbering, links, hashes under `scheme`) and names the first entry that does not match.
    public static func verify(_ entries: [AuditEntry], scheme: AuditScheme) -> Verification {
        Verification(entries: entries.count, problem: firstChainProblem(entries, scheme: scheme))
    }

    static func firstChainProblem(_ entries: [AuditEntry], scheme: AuditScheme) -> AuditProblem? {
        var previousHash = genesisHash
        for (index, entry) in entries.enumerated() {
            guard entry.seq == index + 1 else { return .outOfSequence(seq: entry.seq, expected: index + 1) }
            guard entry.prevHash == previousHash else { return .brokenLink(seq: entry.seq) }
            guard entry.hash == entryHash(of: entry, scheme: scheme) else { return .entryHash(seq: entry.seq) }
            previousHash = entry.hash
        }
        return nil
    }

    /// The same entries, linked and hashed anew under `key`: fields and content hashes stay as they were.
    /// Used once, to move a verified legacy chain to keyed hashes.
    public static func rekeyed(_ entries: [AuditEntry], key: AuditKey) -> [AuditEntry] {
        var previousHash = genesisHash
        return entries.map { entry in
            var copy = entry
            copy.prevHash = previousHash
            copy.hash = entryHash(of: copy, scheme: .keyed(key))
            previousHash = copy.hash
            return copy
        }
    }
}
