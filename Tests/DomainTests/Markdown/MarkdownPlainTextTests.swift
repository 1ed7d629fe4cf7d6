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

@Suite("Markdown as IM lines")
struct MarkdownIMLinesTests {
    @Test("bold, bullets and checked links stay light Markdown; emphasis and code become text")
    func lightMarkdown() {
        #expect(Markdown.imLines("**Beta** *now* `x`\n- [plan](https://example.com/p)") == ["**Beta** now x", "", "- [plan](https://example.com/p)"])
    }

    @Test("a refused link or stray markers typed as text cannot become a link or bold in a chat")
    func refusedLinkStaysInert() {
        // given
        let source = "[y](javascript:alert(1)) `**x**` ```"

        // when
        let lines = Markdown.imLines(source)

        // then
        #expect(lines == ["[y] (javascript:alert(1)) * *x* * ```"])
        #expect(!lines.joined().contains("]("))
    }

    @Test("a bracket in a link's text cannot close the link early")
    func bracketInLinkText() {
        #expect(Markdown.imLines("[a\\]b](https://example.com)").allSatisfy { !$0.contains("](javascript") })
        #expect(Markdown.imLines("[[x]](https://example.com)") == ["[[x)](https://example.com)"])
    }
}
