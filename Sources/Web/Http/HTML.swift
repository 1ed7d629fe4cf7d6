/// HTML that is safe to send: literal parts are trusted markup, every interpolated `String` is escaped.
///
/// `"<p>\(name)</p>" as HTML` can never let `name` break out, and URLs go through `url:` which
/// allows only http, https, mailto and our own relative paths.
struct HTML: ExpressibleByStringInterpolation, Sendable {
    private(set) var raw: String

    init(raw: String) { self.raw = raw }
    init(stringLiteral value: String) { raw = value }
    init(stringInterpolation: StringInterpolation) { raw = stringInterpolation.raw }

    static let empty = HTML(raw: "")

    static func escape(_ text: String) -> String {
        // Most texts need no escaping: hand them through untouched (pages with 2,000 rows add up).
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x26: out += Array("&amp;".utf8)
            case 0x3C: out += Array("&lt;".utf8)
            case 0x3E: out += Array("&gt;".utf8)
            case 0x22: out += Array("&quot;".utf8)
            case 0x27: out += Array("&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func safeURL(_ url: String) -> String {
        let lower = url.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:") { return url }
        if url.hasPrefix("/") && !url.hasPrefix("//") { return url }
        return "#"
    }

    struct StringInterpolation: StringInterpolationProtocol {
        var raw = ""
        init(literalCapacity: Int, interpolationCount: Int) { raw.reserveCapacity(literalCapacity * 2) }
        mutating func appendLiteral(_ literal: String) { raw += literal }
        mutating func appendInterpolation(_ text: String) { raw += HTML.escape(text) }
        mutating func appendInterpolation(_ text: String?) { raw += HTML.escape(text ?? "") }
        mutating func appendInterpolation(_ number: Int) { raw += String(number) }
        mutating func appendInterpolation(_ html: HTML) { raw += html.raw }
        mutating func appendInterpolation(_ parts: [HTML]) { for part in parts { raw += part.raw } }
        mutating func appendInterpolation(url: String) { raw += HTML.escape(HTML.safeURL(url)) }
        /// A link or form target from the one place paths are built.
        mutating func appendInterpolation(_ path: PagePath) { raw += HTML.escape(path.description) }
        /// ` attr` when `on`, nothing otherwise (e.g. `checked`, `selected`).
        mutating func appendInterpolation(flag name: String, _ on: Bool) { if on { raw += " " + name } }
    }
}
