import Foundation

/// The two languages Tandem speaks; every customer-facing text is rendered in the contact's.
public enum Language: String, CaseIterable, Codable, Sendable {
    case zhHans = "zh-Hans"
    case en

    /// The best match for an `Accept-Language` header value, or nil when neither language is asked for.
    public static func preferred(byAcceptLanguage header: String) -> Language? {
        for part in header.split(separator: ",") {
            let tag = part.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            if tag.hasPrefix("zh") { return .zhHans }
            if tag.hasPrefix("en") { return .en }
        }
        return nil
    }
}
