import Foundation

extension ICalendar {
    /// One content line folded (RFC 5545 §3.1): at most 75 octets per line, continuation lines start with a space,
    /// never splitting a UTF-8 sequence; ends with CRLF.
    public static func fold(_ line: String) -> String {
        var output = ""
        var used = 0
        var limit = 75
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if used + size > limit {
                output += "\r\n "
                used = 1
                limit = 75
            }
            output.unicodeScalars.append(scalar)
            used += size
        }
        return output + "\r\n"
    }

    /// A TEXT value (§3.3.11): `\` `;` `,` escaped, every line break as `\n`, other control characters dropped.
    public static func escapeText(_ text: String) -> String {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var output = ""
        for scalar in normalized.unicodeScalars {
            switch scalar {
            case "\\": output += "\\\\"
            case ";": output += "\\;"
            case ",": output += "\\,"
            case "\n": output += "\\n"
            case "\t": output += " "
            default:
                if isControl(scalar) { continue }
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// A parameter value always in double quotes; a quote, caret or line break inside is written as RFC 6868 says
    /// (`^'`, `^^`, `^n`), other control characters dropped.
    public static func quotedParameter(_ value: String) -> String {
        var output = "\""
        let normalized = value.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        for scalar in normalized.unicodeScalars {
            switch scalar {
            case "\"": output += "^'"
            case "^": output += "^^"
            case "\n": output += "^n"
            default:
                if isControl(scalar) { continue }
                output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }

    /// `mailto:` and the address, or nil when it holds anything but printable ASCII without spaces, quotes or brackets.
    static func mailto(_ email: String) -> String? {
        let ok =
            !email.isEmpty && email.contains("@")
            && email.unicodeScalars.allSatisfy { $0.value > 32 && $0.value < 127 && !"<>\"\\,;:".unicodeScalars.contains($0) }
        return ok ? "mailto:" + email : nil
    }

    /// A URI value: only http(s) links of printable ASCII (a URL is never TEXT-escaped, so nothing else may pass).
    public static func uri(_ text: String) -> String? {
        let lower = text.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"),
            text.unicodeScalars.allSatisfy({ $0.value > 32 && $0.value < 127 && $0 != "\"" })
        else { return nil }
        return text
    }

    /// `YYYYMMDD`.
    static func basic(_ date: LocalDate) -> String {
        pad(date.year, 4) + pad(date.month, 2) + pad(date.day, 2)
    }

    /// `YYYYMMDDTHHMMSSZ`, whole seconds (rounded down).
    static func utc(_ instant: Date) -> String {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down))
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let rest = seconds - days * 86_400
        let date = LocalDate(dayNumber: days)
        return basic(date) + "T" + pad(rest / 3600, 2) + pad(rest / 60 % 60, 2) + pad(rest % 60, 2) + "Z"
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(width - text.count, 0)) + text
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 32 || scalar.value == 127
    }
}
