import Crypto
import Foundation

/// What a contact may answer to a report.
public enum FeedbackKind: String, CaseIterable, Codable, Sendable {
    case acknowledge, question
}

/// The one-click links of a report e-mail: a signed, single-purpose, expiring token for exactly one report, one
/// contact and one kind of answer. `r.c.k.e.sig`: report id, contact id, kind, expiry (Unix seconds), and
/// base64url(HMAC-SHA256) of the four, under a key only this use derives.
public struct FeedbackLink: Equatable, Sendable {
    public var reportID: UUID
    public var contactID: UUID
    public var kind: FeedbackKind
    public var expires: Date

    /// How long a link works.
    public static let lifetime: TimeInterval = 30 * 86_400

    public init(reportID: UUID, contactID: UUID, kind: FeedbackKind, expires: Date) {
        self.reportID = reportID
        self.contactID = contactID
        self.kind = kind
        self.expires = expires
    }

    public enum Refusal: Error, Equatable, Sendable {
        /// Not a token this app signed (or altered since).
        case invalid
        case expired
    }

    private var payload: String {
        "\(reportID.uuidString.lowercased()).\(contactID.uuidString.lowercased()).\(kind.rawValue).\(Int(expires.timeIntervalSince1970))"
    }

    /// A signing key from raw bytes (the app derives its own from the secret key).
    public static func key(bytes: [UInt8]) -> SymmetricKey { SymmetricKey(data: bytes) }

    public func token(key: SymmetricKey) -> String {
        "\(payload).\(Self.signature(payload, key: key))"
    }

    /// The link a token names, when its signature holds and it has not expired at `now`.
    public static func verify(_ token: String, key: SymmetricKey, now: Date) throws(Refusal) -> FeedbackLink {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 5, token.utf8.count < 300 else { throw .invalid }
        let payload = parts[0...3].joined(separator: ".")
        let expected = Array(signature(payload, key: key).utf8)
        let given = Array(parts[4].utf8)
        var difference: UInt8 = expected.count == given.count ? 0 : 1
        for index in 0..<min(expected.count, given.count) { difference |= expected[index] ^ given[index] }
        guard difference == 0, let report = UUID(uuidString: parts[0]), let contact = UUID(uuidString: parts[1]),
            let kind = FeedbackKind(rawValue: parts[2]), let seconds = Int(parts[3])
        else { throw .invalid }
        let link = FeedbackLink(reportID: report, contactID: contact, kind: kind, expires: Date(timeIntervalSince1970: TimeInterval(seconds)))
        guard now < link.expires else { throw .expired }
        return link
    }

    static func signature(_ payload: String, key: SymmetricKey) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(payload.utf8), using: key)
        return Data(mac).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
