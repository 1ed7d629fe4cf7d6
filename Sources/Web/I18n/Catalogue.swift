import Domain
import Foundation

/// The zh-Hans and en texts, loaded once at start from `Resources/<language>.json`.
///
/// Foundation's localisation picks one language per process on Linux; Tandem needs one per request
/// and per recipient, so it keeps its own catalogue.
struct Catalogue: Sendable {
    let texts: [Language: [String: String]]

    static func load() throws -> Catalogue {
        var texts: [Language: [String: String]] = [:]
        for language in Language.allCases {
            let data = try ResourceFile.data("\(language.rawValue).json")
            texts[language] = try JSONDecoder().decode([String: String].self, from: data)
        }
        return Catalogue(texts: texts)
    }

    /// The text for `key` with `{0}`, `{1}`… replaced by `arguments`; the key itself if missing,
    /// which the catalogue test prevents.
    func text(_ key: String, _ language: Language, _ arguments: [String] = []) -> String {
        var text = texts[language]?[key] ?? texts[.en]?[key] ?? key
        for (index, argument) in arguments.enumerated() {
            text = text.replacingOccurrences(of: "{\(index)}", with: argument)
        }
        return text
    }
}
