import Domain
import Foundation
import Vapor
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The app's one secret: `TANDEM_SECRET_KEY`, or `secret.key` in the data directory (made on first start).
/// Each use derives its own key with HKDF, so no two uses ever share raw key material.
public struct SecretKey: Sendable, CustomStringConvertible {
    private let key: SymmetricKey

    /// Never the key itself, should a configuration ever be logged.
    public var description: String { "SecretKey(redacted)" }

    /// Where the secret comes from.
    public enum Source: Sendable {
        /// Given in the environment (64 hex characters or base64 of 32 bytes).
        case value(SecretKey)
        /// A file, made with 32 random bytes (as hex, mode 0600) when it does not exist yet.
        case file(path: String)
    }

    init(bytes: [UInt8]) { key = SymmetricKey(data: bytes) }

    /// Parses 64 hex characters or base64 of exactly 32 bytes; nil for anything else.
    public init?(text: String) {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.count == 64, let bytes = Self.hexBytes(text) {
            self.init(bytes: bytes)
        } else if let data = Data(base64Encoded: text), data.count == 32 {
            self.init(bytes: Array(data))
        } else {
            return nil
        }
    }

    /// The key the audit log's entry hashes are made with.
    public var auditKey: AuditKey { AuditKey(derived("tandem audit v1")) }

    func derived(_ info: String) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: key, info: Data(info.utf8), outputByteCount: 32)
    }

    /// Loads the secret from `source`, making the key file if it does not exist yet; `madeFile` is the path of a
    /// file made just now, so the start can refuse a new key for a chain keyed with a lost one.
    public static func load(_ source: Source) throws -> (key: SecretKey, madeFile: String?) {
        switch source {
        case .value(let key):
            return (key, nil)
        case .file(let path):
            if let key = try readFile(path) { return (key, nil) }
            let made = try createFile(path)
            guard let key = try readFile(path) else { throw AppConfig.Invalid(description: "\(path) could not be read after it was made") }
            return (key, made ? path : nil)
        }
    }

    private static func readFile(_ path: String) throws -> SecretKey? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        guard let key = SecretKey(text: String(decoding: data, as: UTF8.self)) else {
            throw AppConfig.Invalid(description: "\(path) must hold 64 hex characters (the secret key); restore it from the backup")
        }
        return key
    }

    /// O_EXCL: two processes starting at once (serve and a command) cannot each make a different key; the loser reads
    /// the winner's file.
    private static func createFile(_ path: String) throws -> Bool {
        var bytes = [UInt8](repeating: 0, count: 32)
        var generator = SystemRandomNumberGenerator()
        for index in bytes.indices { bytes[index] = generator.next() }
        let text = Array((bytes.map { String(format: "%02x", $0) }.joined() + "\n").utf8)
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if fd < 0, errno == EEXIST { return false }
        guard fd >= 0 else { throw AppConfig.Invalid(description: "cannot create the key file \(path): errno \(errno)") }
        let written = text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == text.count, synced else { throw AppConfig.Invalid(description: "cannot write the key file \(path)") }
        return true
    }

    private static func hexBytes(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let high = iterator.next(), let low = iterator.next() {
            guard let h = nibble(high), let l = nibble(low) else { return nil }
            bytes.append(h << 4 | l)
        }
        return bytes.count == 32 ? bytes : nil
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
