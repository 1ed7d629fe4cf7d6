import Crypto
import Foundation

/// Password length rules and the bcrypt input: bcrypt ignores bytes after 72, so longer passwords
/// are pre-hashed (SHA-256, base64) to keep every byte significant.
public enum PasswordRule {
    public static let minLength = 8
    public static let maxLength = 200

    public static func validate(_ password: String, field: String = "password") throws {
        guard password.count >= minLength else {
            throw DomainError.validation(field: field, rule: .minLength(minLength))
        }
        guard password.count <= maxLength else {
            throw DomainError.validation(field: field, rule: .maxLength(maxLength))
        }
        guard !hasControlCharacters(password) else {
            throw DomainError.validation(field: field, rule: .controlCharacters)
        }
    }

    /// bcrypt reads its input as a C string: a NUL would end the password there, so none is ever accepted.
    public static func hasControlCharacters(_ password: String) -> Bool {
        password.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }

    public static func bcryptInput(_ password: String) -> String {
        let bytes = Data(password.utf8)
        guard bytes.count > 72 else { return password }
        return "sha256:" + Data(SHA256.hash(data: bytes)).base64EncodedString()
    }
}
