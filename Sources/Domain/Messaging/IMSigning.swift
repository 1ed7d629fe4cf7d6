import Crypto
import Foundation

/// The signatures each platform checks, made at delivery time.
public enum IMSigning {
    /// DingTalk custom robot: base64(HMAC-SHA256(key: secret, message: "timestamp\nsecret")), `timestamp` in ms.
    public static func dingTalkSign(timestampMillis: Int64, secret: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("\(timestampMillis)\n\(secret)".utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return Data(mac).base64EncodedString()
    }

    /// The query DingTalk expects after the robot's URL: `timestamp=…&sign=…`, the sign percent-encoded with the
    /// unreserved characters only (a raw `+` would be read as a space).
    public static func dingTalkQuery(timestampMillis: Int64, secret: String) -> String {
        "timestamp=\(timestampMillis)&sign=\(percentEncoded(dingTalkSign(timestampMillis: timestampMillis, secret: secret)))"
    }

    /// Feishu/Lark custom bot: base64(HMAC-SHA256(key: "timestamp\nsecret", message: empty)), `timestamp` in s.
    public static func feishuSign(timestampSeconds: Int64, secret: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(), using: SymmetricKey(data: Data("\(timestampSeconds)\n\(secret)".utf8)))
        return Data(mac).base64EncodedString()
    }

    /// The Feishu body with `timestamp` and `sign` put first, the rest of `body` (a JSON object) left exactly as queued.
    public static func feishuSignedBody(_ body: String, timestampSeconds: Int64, secret: String) -> String {
        guard body.hasPrefix("{") else { return body }
        let sign = feishuSign(timestampSeconds: timestampSeconds, secret: secret)
        let rest = body.dropFirst()
        let separator = rest.hasPrefix("}") ? "" : ","
        return "{\"sign\":\"\(sign)\",\"timestamp\":\"\(timestampSeconds)\"\(separator)\(rest)"
    }

    /// The generic webhook's `X-Tandem-Signature` value: `sha256=` and the hex HMAC-SHA256 of the body.
    public static func webhookSignature(body: [UInt8], secret: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + mac.map { String(format: "%02x", $0) }.joined()
    }

    /// Percent-encoding that leaves only RFC 3986's unreserved characters (`A–Z a–z 0–9 - . _ ~`) as they are.
    public static func percentEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(Character(UnicodeScalar(byte)))
            default:
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }
}

/// What a platform's answer means, beyond the HTTP status.
public enum IMAnswer: Equatable, Sendable {
    case delivered
    case retry(String)
    case refused(String)

    /// WeCom's rate-limit code (45009, frequency out of limit), DingTalk's (130101, sending too fast; 410100, 660026
    /// flow control), Feishu's (11232 frequency limited; 9499 and 99991400 too many requests).
    static let rateLimited: [IMKind: Set<Int>] = [
        .wecom: [45009, 45033], .dingtalk: [130101, 130102, 410100, 660026], .feishu: [11232, 9499, 99991400],
    ]

    /// Reads an answer: 2xx is delivered unless WeCom/DingTalk (`errcode`) or Feishu (`code`, older `StatusCode`)
    /// report an error in the body; 429 and 5xx are worth another try; any other status is refused.
    /// `label` names the integration in the reason (`"dingtalk · oapi.dingtalk.com"`), never its URL.
    public static func classify(kind: IMKind, status: Int, body: [UInt8], label: String) -> IMAnswer {
        if status == 429 || (500..<600).contains(status) { return .retry("\(label) answered HTTP \(status)") }
        guard (200..<300).contains(status) else {
            let hint = (300..<400).contains(status) ? " (redirects are not followed)" : ""
            return .refused("\(label) answered HTTP \(status)\(hint)")
        }
        guard [.wecom, .dingtalk, .feishu].contains(kind) else { return .delivered }
        guard let object = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] else {
            return .refused("\(label) answered HTTP \(status) with a body that is not JSON")
        }
        let codeKeys = kind == .feishu ? ["code", "StatusCode"] : ["errcode"]
        guard let code = codeKeys.lazy.compactMap({ (object[$0] as? NSNumber)?.intValue }).first else {
            return kind == .feishu ? .delivered : .refused("\(label) answered without errcode")
        }
        if code == 0 { return .delivered }
        let message = (object["errmsg"] as? String) ?? (object["msg"] as? String) ?? (object["StatusMessage"] as? String) ?? ""
        let reason = "\(label) refused the message: code \(code) \(IMText.truncated(clean(message), maxBytes: 160))"
            .trimmingCharacters(in: .whitespaces)
        return rateLimited[kind, default: []].contains(code) ? .retry(reason) : .refused(reason)
    }

    static func clean(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) })
    }
}
