import Foundation

/// Small input checks that name the field they reject, shared by every request type.
public enum Validate {
    /// One line of text (a name, a title): no control characters at all, not even a line break,
    /// because such text also ends up in e-mail subjects and IM titles.
    public static func text(_ value: String, field: String, max: Int = 200) throws -> String {
        let trimmed = try storable(value, field: field).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.contains(where: { $0.isNewline }) else { throw DomainError.validation(field: field, rule: .oneLine) }
        guard !trimmed.isEmpty else { throw DomainError.validation(field: field, rule: .empty) }
        guard trimmed.count <= max else { throw DomainError.validation(field: field, rule: .maxLength(max)) }
        return trimmed
    }

    /// Free text (notes, comments): tabs and line breaks are kept (CRLF and CR become LF), any other
    /// control character is refused, so what is stored is exactly what was answered.
    public static func optionalText(_ value: String?, field: String, max: Int = 5_000) throws -> String? {
        guard let value else { return nil }
        let trimmed = try storable(value, field: field).trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return nil }
        guard trimmed.count <= max else { throw DomainError.validation(field: field, rule: .maxLength(max)) }
        return trimmed
    }

    public static func lines(_ values: [String], field: String, maxCount: Int = 100) throws -> [String] {
        guard values.count <= maxCount else { throw DomainError.validation(field: field, rule: .tooMany(maxCount, unit: "entries")) }
        return try values.compactMap { try optionalText($0, field: field, max: 1_000) }
    }

    public static func email(_ value: String, field: String = "email") throws -> String {
        let trimmed = try storable(value, field: field).trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard trimmed.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
            !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
            !trimmed.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" })
        else {
            throw DomainError.validation(field: field, rule: .email)
        }
        return trimmed
    }

    public static func date(_ value: String, field: String) throws -> LocalDate {
        guard let date = LocalDate(value) else {
            throw DomainError.validation(field: field, rule: .date)
        }
        return date
    }

    /// A start and a due date in order (due may equal start); the due date is named when it is not.
    public static func span(start: LocalDate, due: LocalDate, dueField: String = "dueDate") throws {
        guard due >= start else { throw DomainError.validation(field: dueField, rule: .dueBeforeStart) }
    }

    public static func timeZone(_ value: String, field: String = "timeZone") throws -> String {
        guard value.contains("/") || value == "UTC", TimeZone(identifier: value) != nil else {
            throw DomainError.validation(field: field, rule: .timeZone)
        }
        return value
    }

    public static func currency(_ value: String, field: String = "currency") throws -> String {
        let upper = value.uppercased()
        guard upper.count == 3, upper.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw DomainError.validation(field: field, rule: .currency)
        }
        return upper
    }

    public static func range<T: Comparable>(_ value: T, _ range: ClosedRange<T>, field: String) throws -> T {
        guard range.contains(value) else {
            throw DomainError.validation(field: field, rule: .range(lower: "\(range.lowerBound)", upper: "\(range.upperBound)"))
        }
        return value
    }

    /// An http(s) link, so nothing like `javascript:` ever reaches an `href`: only the characters RFC 3986
    /// allows in a URL (non-ASCII text must be percent-encoded), so no quote or bracket can end an attribute.
    public static func link(_ value: String?, field: String) throws -> String? {
        guard let value = try optionalText(value, field: field, max: 2_000) else { return nil }
        guard value.unicodeScalars.allSatisfy({ urlCharacters.contains($0) }),
            let url = URL(string: value), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty
        else {
            throw DomainError.validation(field: field, rule: .link)
        }
        return value
    }

    /// Unreserved, reserved and `%` (RFC 3986 sections 2.1–2.3).
    static let urlCharacters = CharacterSet(
        charactersIn:
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%")

    /// `value` with line ends made LF; refused when it holds any other C0 control character or DEL
    /// (a NUL would cut the stored text short while the answer echoed all of it).
    static func storable(_ value: String, field: String) throws -> String {
        var scalars = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in value.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\r": scalars.append("\n")
            case "\n" where previousWasCR: continue
            case "\t", "\n": scalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                throw DomainError.validation(field: field, rule: .controlCharacters)
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}
