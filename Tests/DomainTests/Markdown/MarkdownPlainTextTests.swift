import Testing
@testable import Domain

@Suite("Markdown as plain text")
struct MarkdownPlainTextTests {
    @Test("markers are dropped, links read as text and URL")
    func markersDropped() {
        #expect(Markdown.plainText("**bold** *em* `code`") == "bold em code")
        #expect(Markdown.plainText("[the plan](https://example.com/p)") == "the plan (https://example.com/p)")
        #expect(Markdown.plainText("see https://example.com/p") == "see https://example.com/p")
    }

    @Test("lists, quotes and code keep their shape")
    func blocks() {
        #expect(Markdown.plainText("- a\n- b\n\n3. c\n4. d") == "- a\n- b\n\n3. c\n4. d")
        #expect(Markdown.plainText("> quoted\n> lines\n\nafter") == "> quoted\n> lines\n\nafter")
        #expect(Markdown.plainText("```\n**raw**\n```") == "**raw**")
    }

    @Test("raw HTML and refused links stay as typed: a text part is never HTML")
    func rawStaysAsTyped() {
        #expect(Markdown.plainText("<b>x</b> [y](javascript:alert(1))") == "<b>x</b> [y](javascript:alert(1))")
    }

    @Test("line ends of any kind read as line breaks")
    func lineEnds() {
        #expect(Markdown.plainText("a\r\nb\rc") == "a\nb\nc")
    }
}
