import Foundation
import Testing
@testable import Domain

@Suite("Markdown: what never renders")
struct MarkdownSafetyTests {
    /// Neither a live element nor a link to anything but http, https or mailto.
    static func isInert(_ html: String) -> Bool {
        let lower = html.lowercased()
        let allowedTags = ["p", "br", "strong", "em", "code", "pre", "ul", "ol", "li", "blockquote", "a"]
        var index = lower.startIndex
        while let open = lower[index...].firstIndex(of: "<") {
            let rest = lower[lower.index(after: open)...].drop { $0 == "/" }
            let name = rest.prefix { $0.isLetter }
            if !allowedTags.contains(String(name)) { return false }
            index = lower.index(after: open)
        }
        for href in lower.components(separatedBy: "href=\"").dropFirst() {
            let url = href.prefix { $0 != "\"" }
            guard url.hasPrefix("http://") || url.hasPrefix("https://") || url.hasPrefix("mailto:") else { return false }
        }
        return true
    }

    @Test(
        "raw HTML is shown as text",
        arguments: [
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<a href=\"javascript:alert(1)\">x</a>", "<iframe src=//evil>",
            "**<b>bold</b>**", "`</code><script>`", "> <svg onload=alert(1)>", "- <style>*{}</style>", "```\n</code></pre><script>\n```",
        ])
    func rawHTMLIsEscaped(_ source: String) {
        let html = Markdown.html(source)
        #expect(Self.isInert(html), "\(html)")
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
    }

    @Test(
        "links with other schemes render as the text typed",
        arguments: [
            "javascript:alert(1)", "JavaScript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
            "jav&#x09;ascript:alert(1)", "&#106;avascript:alert(1)", "javascript%3Aalert(1)", "data:text/html;base64,PHNjcmlwdD4=",
            "DATA:text/html,<script>", "vbscript:msgbox(1)", "file:///etc/passwd", "//evil.example/x", "/relative", "https:evil",
            "http://", "https:///x", "mailto:", "https://ex\"ample.com", "https://example.com/\"onmouseover=\"alert(1)",
            "https://example.com/'x", "https://例子.com", "javascript://example.com/%0Aalert(1)",
        ])
    func unsafeSchemesAreText(_ url: String) {
        // given
        let source = "[click](\(url))"

        // when
        let html = Markdown.html(source)

        // then
        #expect(Self.isInert(html), "\(html)")
        #expect(!html.lowercased().contains("href=\"javascript"))
        #expect(!html.lowercased().contains("href=\"data"))
        #expect(!html.contains("\"onmouseover"))
        if MarkdownLinks.safe(url) == nil { #expect(!html.contains("<a "), "\(html)") }
    }

    @Test("a quote in a link's URL cannot end the attribute")
    func quoteInURL() {
        // The apostrophe is an RFC 3986 character, so this link is kept, with it escaped.
        let html = Markdown.html("[x](https://example.com/it's)")
        #expect(html == "<p><a href=\"https://example.com/it&#39;s\" rel=\"nofollow noopener\">x</a></p>")
    }

    @Test("HTML entities are shown as typed, not decoded")
    func entities() {
        #expect(Markdown.html("&lt;script&gt; &amp; &#60;") == "<p>&amp;lt;script&amp;gt; &amp;amp; &amp;#60;</p>")
    }

    @Test("nested brackets never make a link inside a link")
    func nestedBrackets() {
        // given
        let source = "[[inner](https://a.example)](https://b.example)"

        // when
        let html = Markdown.html(source)

        // then
        #expect(html.components(separatedBy: "<a ").count == 2, "\(html)")
        #expect(Self.isInert(html))
    }

    @Test("a bare javascript: or data: URL is never linked")
    func bareSchemes() {
        #expect(Markdown.html("javascript:alert(1) data:text/html,x") == "<p>javascript:alert(1) data:text/html,x</p>")
        #expect(!Markdown.html("xhttps://example.com").contains("<a "))
    }

    @Test("attributes are always quoted and escaped")
    func attributesQuoted() {
        let html = Markdown.html("https://example.com/?a=1&b=<2>")
        #expect(html.contains("href=\"https://example.com/?a=1&amp;b=\""))
        #expect(html.contains("&lt;2&gt;"))
    }
}
