import Foundation

/// Small input checks that name the field they reject, shared by every request type.
public enum Validate {
    public static func text(_ value: String, field: String, max: Int = 200) throws -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw DomainError.validation(field: field, message: "must not be empty") }
        guard trimmed.count <= max else { throw DomainError.validation(field: field, message: "must be at most \(max) characters") }
        return trimmed
    }

    public static func optionalText(_ value: String?, field: String, max: Int = 5_000) throws -> String? {
        guard let value else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return nil }
        guard trimmed.count <= max else { throw DomainError.validation(field: field, message: "must be at most \(max) characters") }
        return trimmed
    }

    public static func lines(_ values: [String], field: String, maxCount: Int = 100) throws -> [String] {
        guard values.count <= maxCount else { throw DomainError.validation(field: field, message: "at most \(maxCount) entries") }
        return try values.compactMap { try optionalText($0, field: field, max: 1_000) }
    }

    public static func email(_ value: String, field: String = "email") throws -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard trimmed.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              !trimmed.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" }) else {
            throw DomainError.validation(field: field, message: "must be an e-mail address")
        }
        return trimmed
    }

    public static func date(_ value: String, field: String) throws -> LocalDate {
        guard let date = LocalDate(value) else {
            throw DomainError.validation(field: field, message: "must be a real date YYYY-MM-DD between 1970 and 9999")
        }
        return date
    }

    /// A start and a due date in order (due may equal start); the due date is named when it is not.
    public static func span(start: LocalDate, due: LocalDate, dueField: String = "dueDate") throws {
        guard due >= start else { throw DomainError.validation(field: dueField, message: "must not be before startDate") }
    }

    public static func timeZone(_ value: String, field: String = "timeZone") throws -> String {
        guard value.contains("/") || value == "UTC", TimeZone(identifier: value) != nil else {
            throw DomainError.validation(field: field, message: "must be an IANA time zone such as Asia/Shanghai")
        }
        return value
    }

    public static func currency(_ value: String, field: String = "currency") throws -> String {
        let upper = value.uppercased()
        guard upper.count == 3, upper.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw DomainError.validation(field: field, message: "must be a three-letter ISO 4217 code")
        }
        return upper
    }

    public static func range<T: Comparable>(_ value: T, _ range: ClosedRange<T>, field: String) throws -> T {
        guard range.contains(value) else {
            throw DomainError.validation(field: field, message: "must be between \(range.lowerBound) and \(range.upperBound)")
        }
        return value
    }

    /// An http(s) link, so nothing like `javascript:` ever reaches an `href`.
    public static func link(_ value: String?, field: String) throws -> String? {
        guard let value = try optionalText(value, field: field, max: 2_000) else { return nil }
        guard let url = URL(string: value), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", url.host != nil else {
            throw DomainError.validation(field: field, message: "must be an http or https link")
        }
        return value
    }
}
