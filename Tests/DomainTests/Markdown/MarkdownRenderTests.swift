import Foundation
import Testing
@testable import Domain

@Suite("Markdown: what renders")
struct MarkdownRenderTests {
    @Test("paragraphs are split by blank lines and keep their line breaks")
    func paragraphsAndBreaks() {
        // given
        let source = "first line\nsecond line\n\nnext paragraph"

        // when
        let html = Markdown.html(source)

        // then
        #expect(html == "<p>first line<br>\nsecond line</p>\n<p>next paragraph</p>")
    }

    @Test("bold, emphasis and inline code")
    func inlineMarkers() {
        #expect(Markdown.html("**bold** and *em* and `a < b`") == "<p><strong>bold</strong> and <em>em</em> and <code>a &lt; b</code></p>")
    }

    @Test("emphasis inside bold, and bold inside a link")
    func nesting() {
        #expect(Markdown.html("**very *much***") == "<p><strong>very <em>much</em></strong></p>")
        #expect(Markdown.html("***both***") == "<p><strong><em>both</em></strong></p>")
        #expect(
            Markdown.html("[**docs**](https://example.com/a)")
                == "<p><a href=\"https://example.com/a\" rel=\"nofollow noopener\"><strong>docs</strong></a></p>")
    }

    @Test("a fenced code block is verbatim and escaped, markers included")
    func fencedCode() {
        // given
        let source = "```swift\nlet a = **b** < c\n<script>\n```\nafter"

        // when
        let html = Markdown.html(source)

        // then
        #expect(html == "<pre><code>let a = **b** &lt; c\n&lt;script&gt;</code></pre>\n<p>after</p>")
    }

    @Test("an unclosed fence runs to the end of the message")
    func unclosedFence() {
        #expect(Markdown.html("```\ncode\n**not bold**") == "<pre><code>code\n**not bold**</code></pre>")
    }

    @Test("bullet and numbered lists, a numbered one starting where it was typed")
    func lists() {
        #expect(Markdown.html("- one\n- two") == "<ul><li>one</li><li>two</li></ul>")
        #expect(Markdown.html("* one\n* **two**") == "<ul><li>one</li><li><strong>two</strong></li></ul>")
        #expect(Markdown.html("1. one\n2. two") == "<ol><li>one</li><li>two</li></ol>")
        #expect(Markdown.html("3. three\n4. four") == "<ol start=\"3\"><li>three</li><li>four</li></ol>")
    }

    @Test("an indented line continues the list item")
    func listContinuation() {
        #expect(Markdown.html("- one\n  more\n- two") == "<ul><li>one<br>\nmore</li><li>two</li></ul>")
    }

    @Test("quotes hold blocks of their own, nested ones too")
    func quotes() {
        #expect(Markdown.html("> said\n> - a\n\nreply") == "<blockquote><p>said</p>\n<ul><li>a</li></ul></blockquote>\n<p>reply</p>")
        #expect(Markdown.html("> > deep") == "<blockquote><blockquote><p>deep</p></blockquote></blockquote>")
    }

    @Test("links and bare URLs become links with rel nofollow noopener")
    func links() {
        #expect(
            Markdown.html("see [the plan](https://example.com/plan?a=1&b=2)")
                == "<p>see <a href=\"https://example.com/plan?a=1&amp;b=2\" rel=\"nofollow noopener\">the plan</a></p>")
        #expect(
            Markdown.html("at https://example.com/x.")
                == "<p>at <a href=\"https://example.com/x\" rel=\"nofollow noopener\">https://example.com/x</a>.</p>")
        #expect(Markdown.html("mail [us](mailto:hi@example.com)").contains("<a href=\"mailto:hi@example.com\" rel=\"nofollow noopener\">us</a>"))
        #expect(Markdown.html("(https://example.com/a_(b))").contains("href=\"https://example.com/a_(b)\""))
    }

    @Test("a bare URL stops at Chinese text and full-width punctuation")
    func autolinkInChinese() {
        #expect(
            Markdown.html("请看https://example.com/a，谢谢")
                == "<p>请看<a href=\"https://example.com/a\" rel=\"nofollow noopener\">https://example.com/a</a>，谢谢</p>")
    }

    @Test("unclosed markers stay as typed")
    func unclosedMarkers() {
        #expect(Markdown.html("**bold") == "<p>**bold</p>")
        #expect(Markdown.html("*em") == "<p>*em</p>")
        #expect(Markdown.html("`code") == "<p>`code</p>")
        #expect(
            Markdown.html("[text](https://example.com")
                == "<p>[text](<a href=\"https://example.com\" rel=\"nofollow noopener\">https://example.com</a></p>")
        #expect(Markdown.html("2 * 3 * 4") == "<p>2 * 3 * 4</p>")
        #expect(Markdown.html("[just brackets]") == "<p>[just brackets]</p>")
    }

    @Test("ten thousand markers render quickly, and unclosed ones stay text")
    func pathologicalInput() {
        // given
        let mixed = String(repeating: "**[`*(", count: 1_700)
        let unclosedLinks = String(repeating: "[a](", count: 2_500)
        let unclosedStars = "x " + String(repeating: "*a", count: 4_999)

        // when
        let start = Date()
        let rendered = [mixed, unclosedLinks, unclosedStars].map { Markdown.html($0) }

        // then
        #expect(Date().timeIntervalSince(start) < 2)
        #expect(rendered[0].hasPrefix("<p>"))
        #expect(!rendered[1].contains("<a "))
        #expect(rendered[2].components(separatedBy: "<em>").count - 1 == 2_499)
        let deep = Markdown.html(String(repeating: ">", count: 10_000) + " x")
        #expect(deep.hasSuffix("x</p>" + String(repeating: "</blockquote>", count: MarkdownParser.maxQuoteDepth)))
    }
}
