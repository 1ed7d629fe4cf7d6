/// Messages' Markdown, rendered safely: every character of the source is escaped before it becomes HTML, links
/// only go to http, https and mailto URLs (quoted, escaped, `rel="nofollow noopener"`), and nothing else a
/// browser would run can be written. `plainText` is the same message for e-mail text parts and IM.
public enum Markdown {
    public static func html(_ source: String) -> String {
        MarkdownParser.parse(source).map(html).joined(separator: "\n")
    }

    /// The message as readable text: markers dropped, links as "text (url)", lists and quotes kept as typed.
    public static func plainText(_ source: String) -> String {
        MarkdownParser.parse(source).map(plain).joined(separator: "\n\n")
    }

    static func html(_ block: MarkdownBlock) -> String {
        switch block {
        case .paragraph(let lines): "<p>" + lines.map(html).joined(separator: "<br>\n") + "</p>"
        case .code(let code): "<pre><code>" + escape(code) + "</code></pre>"
        case .quote(let blocks): "<blockquote>" + blocks.map(html).joined(separator: "\n") + "</blockquote>"
        case .list(let ordered, let start, let items):
            (ordered ? (start == 1 ? "<ol>" : "<ol start=\"\(start)\">") : "<ul>")
                + items.map { "<li>" + html($0).replacingOccurrences(of: "\n", with: "<br>\n") + "</li>" }.joined()
                + (ordered ? "</ol>" : "</ul>")
        }
    }

    static func html(_ inlines: [MarkdownInline]) -> String {
        inlines.map { inline in
            switch inline {
            case .text(let text): escape(text)
            case .code(let code): "<code>" + escape(code) + "</code>"
            case .strong(let inner): "<strong>" + html(inner) + "</strong>"
            case .emphasis(let inner): "<em>" + html(inner) + "</em>"
            case .link(let text, let url): "<a href=\"\(escape(url))\" rel=\"nofollow noopener\">" + html(text) + "</a>"
            }
        }.joined()
    }

    static func plain(_ block: MarkdownBlock) -> String {
        switch block {
        case .paragraph(let lines): lines.map(plain).joined(separator: "\n")
        case .code(let code): code
        case .quote(let blocks):
            blocks.map(plain).joined(separator: "\n\n").split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n")
        case .list(let ordered, let start, let items):
            items.enumerated().map { offset, item in (ordered ? "\(start + offset). " : "- ") + plain(item) }.joined(separator: "\n")
        }
    }

    static func plain(_ inlines: [MarkdownInline]) -> String {
        inlines.map { inline in
            switch inline {
            case .text(let text), .code(let text): text
            case .strong(let inner), .emphasis(let inner): plain(inner)
            case .link(let text, let url):
                plain(text) == url || "mailto:" + plain(text) == url ? url : "\(plain(text)) (\(url))"
            }
        }.joined()
    }

    /// The message as the light Markdown group chats are given (`IMPost.lines`): `**bold**`, `- ` bullets and
    /// `[text](url)` for the links that passed the check. Emphasis and code become plain text, and any `](` or `**` typed
    /// as text is broken up, so a refused `[x](javascript:…)` cannot turn into a link on a platform that renders Markdown.
    public static func imLines(_ source: String) -> [String] {
        MarkdownParser.parse(source).map(im).joined(separator: "\n\n").components(separatedBy: "\n")
    }

    static func im(_ block: MarkdownBlock) -> String {
        switch block {
        case .paragraph(let lines): lines.map(im).joined(separator: "\n")
        case .code(let code): inert(code)
        case .quote(let blocks):
            blocks.map(im).joined(separator: "\n\n").split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n")
        case .list(let ordered, let start, let items):
            items.enumerated().map { offset, item in (ordered ? "\(start + offset). " : "- ") + im(item) }.joined(separator: "\n")
        }
    }

    static func im(_ inlines: [MarkdownInline]) -> String {
        inlines.map { inline in
            switch inline {
            case .text(let text), .code(let text): inert(text)
            case .strong(let inner): "**" + im(inner) + "**"
            case .emphasis(let inner): im(inner)
            case .link(let text, let url): "[" + im(text).replacingOccurrences(of: "]", with: ")") + "](" + url + ")"
            }
        }.joined()
    }

    /// Text that no Markdown renderer reads as a link or bold: `](` and `**` get a space inside.
    static func inert(_ text: String) -> String {
        text.replacingOccurrences(of: "](", with: "] (").replacingOccurrences(of: "**", with: "* *")
    }

    /// `&`, `<`, `>`, `"` and `'` as entities: enough for text and for quoted attribute values.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for char in text {
            switch char {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(char)
            }
        }
        return out
    }
}
