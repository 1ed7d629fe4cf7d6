import Foundation
import Testing
@testable import Domain

@Suite("Text is stored as answered")
struct TextStorageTests {
    @Test("a NUL or other control character is refused naming the field", arguments: ["a\u{0}b", "a\u{1B}[31m", "a\u{7F}", "a\u{8}"])
    func controlCharactersAreRefused(_ text: String) {
        #expect(domainError { _ = try Validate.optionalText(text, field: "notes") }?.validationField == "notes")
        #expect(domainError { _ = try Validate.text(text, field: "name") }?.validationField == "name")
        #expect(domainError { _ = try Validate.lines([text], field: "goals") }?.validationField == "goals")
        #expect(domainError { _ = try Validate.email("a\(text)@example.com") }?.validationField == "email")
        #expect(domainError { try PasswordRule.validate("password-\(text)") }?.validationField == "password")
    }

    @Test("free text keeps tabs and line breaks, with CRLF and CR made LF")
    func lineBreaksAreKept() throws {
        #expect(try Validate.optionalText("one\r\ntwo\rthree\n\tfour", field: "notes") == "one\ntwo\nthree\n\tfour")
    }

    @Test("a name must be one line")
    func namesAreOneLine() {
        #expect(domainError { _ = try Validate.text("Ana\nBcc: x@y.z", field: "name") }?.validationMessage == "must be one line")
    }

    @Test(
        "a link with characters a URL may not hold is refused",
        arguments: [
            "https://x.example/\"onmouseover=alert(1)", "https://x.example/<b>", "https://x.example/a b", "https://x.example/`",
            "https://x.example/{x}", "https:///path", "https://x.example/é",
        ])
    func linksAreURLCharactersOnly(_ link: String) {
        #expect(domainError { _ = try Validate.link(link, field: "link") }?.validationField == "link")
    }

    @Test("an ordinary link passes unchanged")
    func ordinaryLink() throws {
        let link = "https://figma.example/file/AbC-12?node-id=1%3A2&t=x#frame"
        #expect(try Validate.link(link, field: "link") == link)
    }
}
