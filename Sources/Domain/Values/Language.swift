import Foundation

/// The two languages Tandem speaks; every customer-facing text is rendered in the contact's.
public enum Language: String, CaseIterable, Codable, Sendable {
    case zhHans = "zh-Hans"
    case en

    /// The best match for an `Accept-Language` header value (honouring `q` weights), or nil when
    /// neither language is asked for.
    public static func preferred(byAcceptLanguage header: String) -> Language? {
        var best: (language: Language, weight: Double)?
        for part in header.split(separator: ",") {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let tag = pieces.first else { continue }
            let weight = pieces.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            let language: Language? = tag.hasPrefix("zh") ? .zhHans : tag.hasPrefix("en") ? .en : nil
            if let language, weight > 0, weight > (best?.weight ?? 0) { best = (language, weight) }
        }
        return best?.language
    }
}
