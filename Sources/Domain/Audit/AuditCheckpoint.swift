import Foundation

/// The head of the chain (seq and hash), kept outside the database and sealed with a key, so removing the newest
/// entries from the database shows: the chain is then shorter than the checkpoint.
public struct AuditCheckpoint: Sendable, Equatable {
    public var seq: Int
    public var hash: String

    public init(seq: Int, hash: String) {
        self.seq = seq
        self.hash = hash
    }

    /// The checkpoint of an empty chain.
    public static let genesis = AuditCheckpoint(seq: 0, hash: AuditChain.genesisHash)

    /// What the checkpoint file held when it was read.
    public enum Reading: Sendable, Equatable {
        case missing
        case unsealed
        case found(AuditCheckpoint)
    }

    /// One line: `tandem-audit-checkpoint v1 <seq> <hash> <seal>`.
    public func sealed(with key: AuditKey) -> String {
        "\(Self.prefix) \(seq) \(hash) \(Self.seal(seq: seq, hash: hash, key: key))\n"
    }

    /// The checkpoint in `text`, or nil when it is malformed or its seal does not match `key`.
    public static func unseal(_ text: String, with key: AuditKey) -> AuditCheckpoint? {
        let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ").map(String.init)
        guard parts.count == 5, "\(parts[0]) \(parts[1])" == prefix, let seq = Int(parts[2]), seq >= 0,
            constantTimeEqual(parts[4], seal(seq: seq, hash: parts[3], key: key))
        else { return nil }
        return AuditCheckpoint(seq: seq, hash: parts[3])
    }

    /// The problem with `entries` (the whole chain, in order) given this checkpoint, if any.
    public func problem(with entries: [AuditEntry]) -> AuditProblem? {
        guard seq > 0 else { return nil }
        let chainEnd = entries.last?.seq ?? 0
        guard chainEnd >= seq else { return .truncated(chainEnd: chainEnd, checkpointSeq: seq) }
        guard entries.indices.contains(seq - 1), entries[seq - 1].hash == hash else { return .checkpointDiffers(seq: seq) }
        return nil
    }

    static let prefix = "tandem-audit-checkpoint v1"

    private static func seal(seq: Int, hash: String, key: AuditKey) -> String {
        key.subkey("tandem audit checkpoint v1").mac(AuditChain.canonical([prefix, String(seq), hash]))
    }

    private static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
