/// Text helpers shared by the SVG charts: XML escaping, fixed number formatting and a
/// font-free width estimate that treats CJK and other wide characters as double width.
enum SVGText {
    /// Escapes `& < > " '` and drops characters XML 1.0 forbids, so any text is safe in
    /// element content and in quoted attributes.
    static func escape(_ text: String) -> String {
        var needsWork = false
        for unit in text.utf8
        where unit < 0x20 || unit == 0x26 || unit == 0x3C || unit == 0x3E
            || unit == 0x22 || unit == 0x27 || unit == 0xEF
        {
            needsWork = true
            break
        }
        guard needsWork else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 32)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&apos;".utf8)
            case 0x09, 0x0A, 0x0D: out.append(byte)
            case ..<0x20: continue
            case 0xEF where index + 1 < bytes.count && bytes[index] == 0xBF && bytes[index + 1] >= 0xBE:
                index += 2  // U+FFFE, U+FFFF: not characters XML allows
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `value` rounded to one decimal, without a trailing `.0` and never `-0`.
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let magnitude = abs(tenths)
        let sign = tenths < 0 ? "-" : ""
        let whole = magnitude / 10
        let fraction = magnitude % 10
        return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }

    /// Width of `scalar` in half-em units: 2 for wide (CJK, full-width, emoji), else 1.
    static func units(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
            0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1FAFF, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    /// Estimated rendered width of `text` at `fontSize` pixels.
    static func width(_ text: String, fontSize: Double) -> Double {
        var total = 0
        for scalar in text.unicodeScalars { total += units(scalar) }
        return Double(total) * fontSize * 0.55
    }

    /// `text` shortened with `…` to fit `maxWidth`, and whether it was shortened.
    static func truncate(_ text: String, maxWidth: Double, fontSize: Double) -> (text: String, truncated: Bool) {
        let unit = fontSize * 0.55
        let budget = Int(maxWidth / unit)
        var total = 0
        for scalar in text.unicodeScalars { total += units(scalar) }
        if total <= budget { return (text, false) }
        var kept = ""
        var used = 0
        for character in text {
            var width = 0
            for scalar in character.unicodeScalars { width = max(width, units(scalar)) }
            if used + width > budget - 2 { break }
            used += width
            kept.append(character)
        }
        return (kept + "…", true)
    }
}
