import Crypto
import Foundation

/// Random bearer secrets (API tokens, sessions, invitation links) and the hash under which they are stored.
public enum SecretToken {
    /// 32 random bytes, URL-safe base64 without padding.
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// What the database keeps: a leaked table does not reveal a usable token.
    public static func hash(_ token: String) -> String {
        AuditChain.sha256Hex(token)
    }
}
