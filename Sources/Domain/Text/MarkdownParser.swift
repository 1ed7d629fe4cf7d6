/// Reads the blocks of a message: fenced code (```), `- `/`* ` and `1. ` lists, `> ` quotes and paragraphs,
/// blank lines between them. Every line break inside a paragraph is kept (chat users expect it). Anything else,
/// raw HTML included, is text.
public enum MarkdownParser {
    /// Quotes nested deeper than this are read as text, so a line of a thousand `>` cannot exhaust the stack.
    static let maxQuoteDepth = 8

    public static func parse(_ source: String) -> [MarkdownBlock] {
        let normalized = source.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        return blocks(normalized.split(separator: "\n", omittingEmptySubsequences: false).map(String.init), depth: 0)
    }

    static func blocks(_ lines: [String], depth: Int) -> [MarkdownBlock] {
        var result: [MarkdownBlock] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingLeadingSpaces
            if trimmed.isEmpty {
                index += 1
            } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                let fence = String(trimmed.prefix(3))
                var code: [String] = []
                index += 1
                while index < lines.count, !lines[index].trimmingLeadingSpaces.hasPrefix(fence) {
                    code.append(lines[index])
                    index += 1
                }
                index += 1  // the closing fence; an unclosed fence runs to the end, as in CommonMark
                result.append(.code(code.joined(separator: "\n")))
            } else if depth < maxQuoteDepth, trimmed.hasPrefix(">") {
                var inner: [String] = []
                while index < lines.count, let rest = quoted(lines[index]) {
                    inner.append(rest)
                    index += 1
                }
                result.append(.quote(blocks(inner, depth: depth + 1)))
            } else if let first = listItem(line) {
                var items: [[MarkdownInline]] = []
                var current = [first.text]
                while index + 1 < lines.count {
                    let next = lines[index + 1]
                    if let item = listItem(next), item.ordered == first.ordered {
                        items.append(MarkdownInline.parse(current.joined(separator: "\n")))
                        current = [item.text]
                    } else if next.hasPrefix("  "), !next.trimmingLeadingSpaces.isEmpty {
                        current.append(next.trimmingLeadingSpaces)  // an indented line continues the item
                    } else {
                        break
                    }
                    index += 1
                }
                items.append(MarkdownInline.parse(current.joined(separator: "\n")))
                index += 1
                result.append(.list(ordered: first.ordered, start: first.number, items: items))
            } else {
                var paragraph: [String] = []
                while index < lines.count, !lines[index].trimmingLeadingSpaces.isEmpty, paragraph.isEmpty || !startsBlock(lines[index], depth: depth)
                {
                    paragraph.append(lines[index].trimmingLeadingSpaces)
                    index += 1
                }
                result.append(.paragraph(paragraph.map { MarkdownInline.parse($0) }))
            }
        }
        return result
    }

    static func startsBlock(_ line: String, depth: Int) -> Bool {
        let trimmed = line.trimmingLeadingSpaces
        return trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") || (depth < maxQuoteDepth && trimmed.hasPrefix(">")) || listItem(line) != nil
    }

    /// The line without its `>` (and one space after it), or nil when it is not a quote line.
    static func quoted(_ line: String) -> String? {
        let trimmed = line.trimmingLeadingSpaces
        guard trimmed.hasPrefix(">") else { return nil }
        let rest = trimmed.dropFirst()
        return String(rest.hasPrefix(" ") ? rest.dropFirst() : rest)
    }

    /// `- text`, `* text` or `12. text` (at most three spaces in front).
    static func listItem(_ line: String) -> (ordered: Bool, number: Int, text: String)? {
        let trimmed = line.trimmingLeadingSpaces
        guard line.count - trimmed.count <= 3 else { return nil }
        if trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") {
            return (false, 1, String(trimmed.dropFirst(2)).trimmingLeadingSpaces)
        }
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        guard (1...9).contains(digits.count), trimmed.dropFirst(digits.count).hasPrefix(". "), let number = Int(digits) else { return nil }
        return (true, number, String(trimmed.dropFirst(digits.count + 2)).trimmingLeadingSpaces)
    }
}

extension String {
    var trimmingLeadingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" })
    }
}
