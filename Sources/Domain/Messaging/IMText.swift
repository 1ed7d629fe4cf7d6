import Foundation

/// Text helpers for chat messages: literal text inside light Markdown, and cutting to a byte budget.
public enum IMText {
    /// The characters light Markdown gives a meaning to.
    static let special: Set<Character> = ["\\", "*", "_", "[", "]", "(", ")", "`", "~", "#", ">", "<", "|"]

    /// `text` as literal characters inside a light Markdown line (a name, a comment): each special character gets
    /// a `\` in front, and line breaks become spaces, so nothing a person typed turns into markup or a new bullet.
    public static func literal(_ text: String) -> String {
        var out = ""
        for character in text {
            if character == "\n" || character == "\r" || character == "\r\n" {
                out.append(" ")
            } else {
                if special.contains(character) { out.append("\\") }
                out.append(character)
            }
        }
        return out
    }

    /// `text` cut to at most `maxBytes` of UTF-8, at a character boundary, ending in "…" when anything was cut.
    public static func truncated(_ text: String, maxBytes: Int) -> String {
        guard text.utf8.count > maxBytes else { return text }
        let ellipsis = "…"
        let budget = maxBytes - ellipsis.utf8.count
        guard budget > 0 else { return "" }
        var used = 0
        var out = ""
        for character in text {
            let size = character.utf8.count
            if used + size > budget { break }
            used += size
            out.append(character)
        }
        return out + ellipsis
    }
}

/// How one platform writes light Markdown's pieces.
struct MarkupStyle: Sendable {
    var escape: @Sendable (Character) -> String
    var bold: @Sendable (String) -> String
    var link: @Sendable (_ text: String, _ url: String) -> String
    var bullet: String

    /// Slack's mrkdwn: `&`, `<`, `>` escaped as entities, `*bold*`, `<url|text>`.
    static let slack = MarkupStyle(
        escape: { character in
            switch character {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            default: String(character)
            }
        },
        bold: { "*\($0)*" }, link: { text, url in "<\(url.replacingOccurrences(of: "|", with: "%7C"))|\(text)>" }, bullet: "• ")

    /// CommonMark-like platforms (Teams, WeCom, DingTalk, Feishu's lark_md): special characters keep a backslash,
    /// angle brackets become entities (WeCom and Feishu read tags such as `<font>` and `<at>`).
    static let markdown = MarkupStyle(
        escape: { character in
            switch character {
            case "<": "&lt;"
            case ">": "&gt;"
            case "*", "_", "[", "]", "`", "~", "\\", "#", "|": "\\\(character)"
            default: String(character)
            }
        },
        bold: { "**\($0)**" }, link: { text, url in "[\(text)](\(url))" }, bullet: "- ")

    /// No markup at all: what a reader sees (the text of a generic webhook, a plain-text fallback).
    static let plain = MarkupStyle(escape: { String($0) }, bold: { $0 }, link: { text, url in "\(text) (\(url))" }, bullet: "- ")
}

/// Reads light Markdown and writes it in a platform's style.
enum LightMarkdown {
    static func render(_ line: String, _ style: MarkupStyle) -> String {
        var rest = Substring(line)
        var prefix = ""
        if rest.hasPrefix("- ") {
            prefix = style.bullet
            rest = rest.dropFirst(2)
        }
        return prefix + inline(rest, style)
    }

    private static func inline(_ text: Substring, _ style: MarkupStyle) -> String {
        var out = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "\\", text.index(after: index) < text.endIndex {
                let next = text.index(after: index)
                out += style.escape(text[next])
                index = text.index(after: next)
                continue
            }
            if text[index...].hasPrefix("**"), let close = text[text.index(index, offsetBy: 2)...].range(of: "**") {
                let inner = text[text.index(index, offsetBy: 2)..<close.lowerBound]
                out += style.bold(inline(inner, style))
                index = close.upperBound
                continue
            }
            if character == "[", let link = linkAt(index, in: text) {
                out += style.link(inline(link.text, style), String(link.url))
                index = link.end
                continue
            }
            out += style.escape(character)
            index = text.index(after: index)
        }
        return out
    }

    /// `[text](http…)` starting at `start`; only http(s) and mailto targets count as links.
    private static func linkAt(_ start: Substring.Index, in text: Substring) -> (text: Substring, url: Substring, end: Substring.Index)? {
        guard let closeText = text[start...].range(of: "](") else { return nil }
        let label = text[text.index(after: start)..<closeText.lowerBound]
        guard !label.contains("["), let closeURL = text[closeText.upperBound...].firstIndex(of: ")") else { return nil }
        let url = text[closeText.upperBound..<closeURL]
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:"), !url.contains(" ") else { return nil }
        return (label, url, text.index(after: closeURL))
    }
}
