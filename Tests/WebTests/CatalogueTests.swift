import Domain
import Foundation
import Testing
@testable import Web

/// Every text exists in both languages, and every key the code asks for exists.
@Suite struct CatalogueTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/Web")

    @Test func bothCataloguesHaveTheSameKeys() throws {
        let catalogue = try Catalogue.load()
        let english = Set(catalogue.texts[.en]?.keys ?? [:].keys)
        let chinese = Set(catalogue.texts[.zhHans]?.keys ?? [:].keys)
        #expect(english.count > 100)
        #expect(english.subtracting(chinese).sorted() == [], "missing in zh-Hans")
        #expect(chinese.subtracting(english).sorted() == [], "missing in en")
    }

    @Test func noChineseTextIsLeftInEnglish() throws {
        let catalogue = try Catalogue.load()
        for (key, text) in catalogue.texts[.zhHans] ?? [:] where text == catalogue.texts[.en]?[key] {
            // Brand names are the same in both languages; nothing else should be.
            #expect(["channel.slack", "channel.teams"].contains(key) || text.allSatisfy { !$0.isLetter }, "\(key) is not translated")
        }
    }

    @Test func everyKeyTheCodeUsesExists() throws {
        let catalogue = try Catalogue.load()
        let known = Set(catalogue.texts[.en]?.keys ?? [:].keys)
        // Any `t("…")` or `catalogue.text("…")`, whoever's: pages (`c.t`), charts and anything added later.
        let pattern = try Regex(#"[^A-Za-z0-9_](?:t|text)\("([A-Za-z][A-Za-z0-9.]*)""#)
        var used = Set<String>()
        let files =
            FileManager.default.enumerator(at: Self.sources, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: pattern) { used.insert(String(match.output[1].substring ?? "")) }
        }
        #expect(used.count > 50)
        #expect(used.subtracting(known).sorted() == [])
    }

    @Test func everyEnumValueShownOnAPageHasAText() throws {
        let catalogue = try Catalogue.load()
        let known = Set(catalogue.texts[.en]?.keys ?? [:].keys)
        var wanted = Language.allCases.map { "language.\($0.rawValue)" }
        wanted += ContactChannel.allCases.map { "channel.\($0.rawValue)" }
        wanted += ProjectStatus.allCases.map { "status.\($0.rawValue)" }
        wanted += WorkItemStatus.allCases.map { "workStatus.\($0.rawValue)" }
        wanted += ScopeStatus.allCases.map { "scope.status.\($0.rawValue)" }
        wanted += DeliverableStatus.allCases.map { "deliverable.status.\($0.rawValue)" }
        #expect(wanted.filter { !known.contains($0) } == [])
    }
}
