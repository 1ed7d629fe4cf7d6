extension MarkdownInline {
    /// Inline content nested deeper than this (bold in emphasis in a link …) is read as text.
    static let maxDepth = 12

    /// Reads `` `code` ``, `**strong**`, `*emphasis*`, `[text](url)` and bare http/https/mailto URLs; every other
    /// character, and any marker without its closing partner, is text.
    public static func parse(_ text: String) -> [MarkdownInline] {
        var reader = InlineReader(Array(text))
        return reader.read(0..<reader.chars.count, depth: 0, links: true)
    }
}

/// One pass over a line's characters. Closers are searched forward; a search that failed is remembered, so a line of
/// ten thousand unclosed markers stays linear instead of quadratic.
struct InlineReader {
    let chars: [Character]
    /// The `]` matching each `[`, found once with a stack.
    let closingBracket: [Int: Int]

    init(_ chars: [Character]) {
        self.chars = chars
        var open: [Int] = []
        var matches: [Int: Int] = [:]
        for (index, char) in chars.enumerated() {
            if char == "[" {
                open.append(index)
            } else if char == "]", let start = open.popLast() {
                matches[start] = index
            }
        }
        closingBracket = matches
    }

    mutating func read(_ range: Range<Int>, depth: Int, links: Bool) -> [MarkdownInline] {
        var out: [MarkdownInline] = []
        var text = ""
        var noCloser: Set<String> = []
        func flush() {
            if !text.isEmpty { out.append(.text(text)) }
            text = ""
        }
        var i = range.lowerBound
        while i < range.upperBound {
            let char = chars[i]
            if char == "`", !noCloser.contains("`") {
                if let end = find("`", from: i + 1, before: range.upperBound) {
                    if end > i + 1 {
                        flush()
                        out.append(.code(String(chars[(i + 1)..<end])))
                        i = end + 1
                        continue
                    }
                } else {
                    noCloser.insert("`")
                }
            }
            if depth < MarkdownInline.maxDepth, char == "*", at(i + 1) == "*", !noCloser.contains("**") {
                // The closer of `**a *b***` is the run's last two stars, leaving the emphasis its own.
                if var end = findMarker("**", from: i + 2, before: range.upperBound), end > i + 2, !isSpace(at(i + 2)), !isSpace(at(end - 1)) {
                    if end + 2 < range.upperBound, chars[end + 2] == "*" { end += 1 }
                    flush()
                    out.append(.strong(read((i + 2)..<end, depth: depth + 1, links: links)))
                    i = end + 2
                    continue
                } else if findMarker("**", from: i + 2, before: range.upperBound) == nil {
                    noCloser.insert("**")
                }
            } else if depth < MarkdownInline.maxDepth, char == "*", !noCloser.contains("*"), !isSpace(at(i + 1)), at(i + 1) != nil {
                if let end = findSingleStar(from: i + 1, before: range.upperBound), !isSpace(at(end - 1)) {
                    flush()
                    out.append(.emphasis(read((i + 1)..<end, depth: depth + 1, links: links)))
                    i = end + 1
                    continue
                } else if findSingleStar(from: i + 1, before: range.upperBound) == nil {
                    noCloser.insert("*")
                }
            }
            if links, depth < MarkdownInline.maxDepth, char == "[", !noCloser.contains(")"), let close = closingBracket[i], close < range.upperBound,
                at(close + 1) == "("
            {
                guard let end = find(")", from: close + 2, before: range.upperBound) else {
                    noCloser.insert(")")
                    text.append(char)
                    i += 1
                    continue
                }
                let url = String(chars[(close + 2)..<end])
                if let safe = MarkdownLinks.safe(url), close > i + 1 {
                    flush()
                    out.append(.link(text: read((i + 1)..<close, depth: depth + 1, links: false), url: safe))
                } else {
                    text += String(chars[i...end])  // a refused link stays visible as the text that was typed
                }
                i = end + 1
                continue
            }
            if links, let end = autolinkEnd(at: i, before: range.upperBound) {
                flush()
                let url = String(chars[i..<end])
                out.append(.link(text: [.text(url)], url: url))
                i = end
                continue
            }
            text.append(char)
            i += 1
        }
        flush()
        return out
    }

    func at(_ index: Int) -> Character? {
        index < chars.count ? chars[index] : nil
    }

    func isSpace(_ char: Character?) -> Bool {
        char?.isWhitespace ?? true
    }

    func find(_ target: Character, from start: Int, before end: Int) -> Int? {
        var i = start
        while i < end {
            if chars[i] == target { return i }
            i += 1
        }
        return nil
    }

    func findMarker(_ marker: String, from start: Int, before end: Int) -> Int? {
        var i = start
        while i + 1 < end {
            if chars[i] == "*", chars[i + 1] == "*" { return i }
            i += 1
        }
        return nil
    }

    /// The next `*` that is not half of a `**`.
    func findSingleStar(from start: Int, before end: Int) -> Int? {
        var i = start
        while i < end {
            if chars[i] == "*" {
                if i + 1 < end, chars[i + 1] == "*" {
                    i += 2
                    continue
                }
                return i
            }
            i += 1
        }
        return nil
    }

    /// Where a bare URL starting at `index` ends: it starts a word, runs over URL characters, and gives back
    /// trailing punctuation (`.`, `,`, `)` …) that more likely ends the sentence.
    func autolinkEnd(at index: Int, before end: Int) -> Int? {
        guard chars[index] == "h" || chars[index] == "H" || chars[index] == "m" || chars[index] == "M" else { return nil }
        if index > 0, let previous = at(index - 1), !(previous.isWhitespace || previous == "(" || !previous.isASCII) { return nil }
        let head = String(chars[index..<min(end, index + 8)]).lowercased()
        guard MarkdownLinks.autolinkPrefixes.contains(where: { head.hasPrefix($0) }) else { return nil }
        var stop = index
        while stop < end, chars[stop].unicodeScalars.allSatisfy(MarkdownLinks.isURLCharacter) { stop += 1 }
        while stop > index, let last = at(stop - 1), ".,;:!?)'*".contains(last) {
            if last == ")", chars[index..<stop].filter({ $0 == "(" }).count >= chars[index..<stop].filter({ $0 == ")" }).count { break }
            stop -= 1
        }
        guard stop > index, MarkdownLinks.safe(String(chars[index..<stop])) != nil else { return nil }
        return stop
    }
}
