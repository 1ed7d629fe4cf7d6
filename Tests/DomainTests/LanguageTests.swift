import Testing
@testable import Domain

@Suite("Language")
struct LanguageTests {
    @Test(
        "Accept-Language headers map to the language they ask for",
        arguments: [
            ("zh-CN,zh;q=0.9", Language.zhHans), ("en-US", .en), ("zh", .zhHans), ("EN-gb", .en),
            ("zh-Hant-TW", .zhHans), ("fr-FR, en;q=0.5", .en), (" de ;q=1, zh-CN;q=0.8", .zhHans),
        ])
    func headerMapsToLanguage(_ header: String, expected: Language) {
        // given / when
        let language = Language.preferred(byAcceptLanguage: header)

        // then
        #expect(language == expected)
    }

    @Test("a header asking for neither Chinese nor English gives nil", arguments: ["fr", "", "de-DE,fr;q=0.8", "*"])
    func otherLanguagesGiveNil(_ header: String) {
        // given / when
        let language = Language.preferred(byAcceptLanguage: header)

        // then
        #expect(language == nil)
    }

    @Test func qWeightsDecideBetweenTheTwoLanguages() {
        #expect(Language.preferred(byAcceptLanguage: "en;q=0.1, zh-CN;q=0.9") == .zhHans)
        #expect(Language.preferred(byAcceptLanguage: "zh;q=0, en") == .en)
    }
}
