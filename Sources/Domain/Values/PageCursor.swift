import Foundation

/// The opaque `?cursor=` of a list: an offset into a stable order, base64 of `o:<offset>`.
///
/// The offset is bounded when it is read, so no arithmetic on it (`offset + limit`, a SQL range) can
/// overflow, whatever a client sends.
public enum PageCursor {
    /// Far beyond any list Tandem serves, and far below where `offset + limit + 1` could trap.
    public static let maxOffset = 1_000_000_000

    public static func encode(offset: Int) -> String {
        Data("o:\(offset)".utf8).base64EncodedString()
    }

    /// The offset a cursor names; anything that is not a cursor this API gave out is a 400 naming `field`.
    public static func decode(_ cursor: String, field: String = "cursor") throws -> Int {
        guard cursor.utf8.count <= 64, let data = Data(base64Encoded: cursor), let text = String(data: data, encoding: .utf8),
            text.hasPrefix("o:"), let value = Int(text.dropFirst(2)), (0...maxOffset).contains(value)
        else {
            throw DomainError.validation(field: field, rule: .cursor)
        }
        return value
    }

    /// The cursor after a page of `limit` starting at `offset`; nil when that would pass the bound.
    public static func next(after offset: Int, limit: Int) -> String? {
        let (sum, overflow) = offset.addingReportingOverflow(limit)
        guard !overflow, sum <= maxOffset else { return nil }
        return encode(offset: sum)
    }
}
