import Foundation
import Testing
@testable import Domain

@Suite("PageCursor")
struct PageCursorTests {
    private func cursor(_ text: String) -> String { Data(text.utf8).base64EncodedString() }

    @Test("a cursor this API gave out names its offset")
    func roundTrip() throws {
        #expect(try PageCursor.decode(PageCursor.encode(offset: 150)) == 150)
    }

    @Test(
        "hostile cursors are a validation error naming the cursor",
        arguments: [
            "o:9223372036854775807", "o:-1", "o:1000000001", "o:99999999999999999999999", "o:", "x:5", "o:1e3", "o: 5",
        ])
    func hostileCursorsAreRefused(_ text: String) {
        let error = domainError { _ = try PageCursor.decode(cursor(text)) }
        #expect(error?.validationField == "cursor")
    }

    @Test("text that is not base64 is refused too")
    func garbageIsRefused() {
        #expect(domainError { _ = try PageCursor.decode("%%%") }?.validationField == "cursor")
        #expect(domainError { _ = try PageCursor.decode(String(repeating: "A", count: 10_000)) }?.validationField == "cursor")
    }

    @Test("the next cursor after the largest offset is nil instead of an overflow")
    func nextNeverOverflows() throws {
        #expect(PageCursor.next(after: PageCursor.maxOffset, limit: 200) == nil)
        #expect(PageCursor.next(after: Int.max, limit: 200) == nil)
        #expect(try PageCursor.next(after: 50, limit: 50).map { try PageCursor.decode($0) } == 100)
    }
}
