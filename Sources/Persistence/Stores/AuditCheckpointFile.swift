import Domain
import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The checkpoint file in the data directory: outside the database, so whoever can rewrite the database
/// cannot also move the head of the chain back.
public struct AuditCheckpointFile: Sendable {
    public let path: String
    private let key: AuditKey

    public init(directory: String, key: AuditKey) {
        path = (directory as NSString).appendingPathComponent("audit-checkpoint")
        self.key = key
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public func read() -> AuditCheckpoint.Reading {
        guard let data = FileManager.default.contents(atPath: path) else { return .missing }
        guard let checkpoint = AuditCheckpoint.unseal(String(decoding: data, as: UTF8.self), with: key) else { return .unsealed }
        return .found(checkpoint)
    }

    /// Moves the checkpoint to `head` unless it already stands there or further on.
    ///
    /// Instances on PostgreSQL share the data directory, so the read-compare-write runs under an exclusive
    /// `flock` and the new file replaces the old by an atomic rename: the checkpoint only ever moves forward
    /// and a reader never sees half a file. A checkpoint whose seal does not match is left alone as evidence.
    public func advance(to head: AuditCheckpoint) throws {
        let lockFD = open(path + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard lockFD >= 0 else { throw Failure(description: "cannot open \(path).lock: errno \(errno)") }
        defer { close(lockFD) }
        guard flock(lockFD, LOCK_EX) == 0 else { throw Failure(description: "cannot lock \(path).lock: errno \(errno)") }
        defer { flock(lockFD, LOCK_UN) }
        switch read() {
        case .found(let current) where current.seq >= head.seq:
            return
        case .unsealed:
            throw Failure(description: "\(path) does not carry a valid seal; not overwriting it (run tandem audit verify)")
        default:
            break
        }
        let temporary = path + ".tmp-\(UUID().uuidString)"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw Failure(description: "cannot create \(temporary): errno \(errno)") }
        let bytes = Array(head.sealed(with: key).utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == bytes.count, synced, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw Failure(description: "cannot write \(path): errno \(errno)")
        }
    }
}
