import Crypto
import Foundation

/// The key audit entry hashes are made with (HMAC-SHA256). It is derived from the app's secret, which lives
/// outside the database, so someone who can write to the database cannot recompute a chain that still verifies.
public struct AuditKey: Sendable, CustomStringConvertible {
    let key: SymmetricKey

    /// Never the key itself.
    public var description: String { "AuditKey(redacted)" }

    /// Wraps key material that was derived for the audit log (never the app's raw secret).
    public init(_ key: SymmetricKey) { self.key = key }

    /// Lower-case hex of HMAC-SHA256(key, text).
    public func mac(_ text: String) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: key)).hexLowercase
    }

    /// The same key for another use inside the audit log (the checkpoint seal), so no two uses share a MAC key.
    public func subkey(_ purpose: String) -> AuditKey {
        AuditKey(HKDF<SHA256>.deriveKey(inputKeyMaterial: key, info: Data(purpose.utf8), outputByteCount: 32))
    }
}

/// Which hash a chain's entries carry: chains written before keyed hashes were plain SHA-256.
public enum AuditScheme: Sendable {
    /// Plain SHA-256: anyone can recompute it. Only read, to re-key a legacy chain once.
    case unkeyed
    case keyed(AuditKey)

    func hash(_ text: String) -> String {
        switch self {
        case .unkeyed: AuditChain.sha256Hex(text)
        case .keyed(let key): key.mac(text)
        }
    }
}

extension Data {
    var hexLowercase: String { map { String(format: "%02x", $0) }.joined() }
}
