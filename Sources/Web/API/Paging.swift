import Domain
import Foundation
import Vapor

/// `?limit=` (1–200, default 50) and an opaque `?cursor=` over a stable order. Both are range-checked
/// as they are read (`PageCursor`), so `offset + limit` can never overflow.
struct Paging {
    var limit: Int
    var offset: Int

    init(_ req: Request) throws {
        if let text = req.query[String.self, at: "limit"] {
            guard let value = Int(text), (1...200).contains(value) else {
                throw DomainError.validation(field: "limit", rule: .wholeNumber(lower: 1, upper: 200))
            }
            limit = value
        } else {
            limit = 50
        }
        if let cursor = req.query[String.self, at: "cursor"], !cursor.isEmpty {
            offset = try PageCursor.decode(cursor)
        } else {
            offset = 0
        }
    }

    /// One page of `all`, and the cursor of the next page (nil at the end).
    func page<T>(_ all: [T]) -> ([T], String?) {
        let slice = Array(all.dropFirst(offset).prefix(limit))
        let next = offset + limit < all.count ? PageCursor.next(after: offset, limit: limit) : nil
        return (slice, next)
    }

    var nextCursorIfFull: (Int) -> String? {
        { [offset, limit] count in count > limit ? PageCursor.next(after: offset, limit: limit) : nil }
    }
}
