import Domain
import Foundation
import Vapor

/// `?limit=` (1–200, default 50) and an opaque `?cursor=` over a stable order.
struct Paging {
    var limit: Int
    var offset: Int

    init(_ req: Request) throws {
        if let text = req.query[String.self, at: "limit"] {
            guard let value = Int(text), (1...200).contains(value) else {
                throw DomainError.validation(field: "limit", message: "must be a whole number from 1 to 200")
            }
            limit = value
        } else {
            limit = 50
        }
        if let cursor = req.query[String.self, at: "cursor"], !cursor.isEmpty {
            guard let data = Data(base64Encoded: cursor), let text = String(data: data, encoding: .utf8),
                  text.hasPrefix("o:"), let value = Int(text.dropFirst(2)), value >= 0 else {
                throw DomainError.validation(field: "cursor", message: "is not a cursor this API gave out")
            }
            offset = value
        } else {
            offset = 0
        }
    }

    /// One page of `all`, and the cursor of the next page (nil at the end).
    func page<T>(_ all: [T]) -> ([T], String?) {
        let slice = Array(all.dropFirst(offset).prefix(limit))
        let next = offset + limit < all.count ? Data("o:\(offset + limit)".utf8).base64EncodedString() : nil
        return (slice, next)
    }

    var nextCursorIfFull: (Int) -> String? {
        { count in count > limit ? Data("o:\(offset + limit)".utf8).base64EncodedString() : nil }
    }
}
