import Domain
import Foundation
import Testing
@testable import Web

/// The hand-written JSON of work-item lists says exactly what the `Encodable` conformance says.
@Suite struct JSONWriterTests {
    static func parse(_ data: Data) throws -> NSDictionary {
        try #require(try JSONSerialization.jsonObject(with: data) as? NSDictionary)
    }

    @Test func aWorkItemListWritesTheSameJSONAsTheEncoder() throws {
        // given items with every kind of field, escapes included
        let a = UUID()
        let b = UUID()
        let items = [
            WorkItem(
                id: a, projectID: UUID(), title: "Design \"设计\" \\ tab\there\nnew line \u{1}", startDate: LocalDate("2026-12-01")!,
                dueDate: LocalDate("2026-12-04")!, estimateHours: 2.5, assigneeID: UUID(), milestoneID: UUID(),
                visibleToCustomer: true, isKey: true, progress: 40, status: .doing),
            WorkItem(
                id: b, projectID: UUID(), title: "Build", startDate: LocalDate("2026-12-07")!, dueDate: LocalDate("2026-12-09")!,
                estimateHours: 16, dependencies: [.init(predecessorID: a, lagDays: 2)]),
        ].map { WorkItemResponse($0) }
        for cursor in [nil, "bzoxMDA="] as [String?] {
            // when
            let fast = Data(WorkItemResponse.list(items, nextCursor: cursor).bytes)
            let slow = try JSON.encoder.encode(ListResponse(items: items, nextCursor: cursor))
            // then
            #expect(try Self.parse(fast) == Self.parse(slow))
        }
    }
}
