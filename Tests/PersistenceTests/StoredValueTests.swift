import Domain
import Fluent
import Foundation
import Persistence
import SQLKit
import Testing
import TestSupport
import Vapor

/// A stored value the code does not know is an error that names its row, never read as a default.
@Suite struct StoredValueTests {
    @Test func anUnknownStatusOrAnUnreadableDateNamesTheRow() async throws {
        try await withTestApp { app, _ in
            // given a work item, then its row corrupted behind the app's back
            let world = try await World.make(app)
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("UPDATE work_items SET status = 'weird' WHERE id = \(bind: world.visibleItem)").run()
            // when
            let statusError = await #expect(throws: StoredValueError.self) {
                _ = try await PlanStore.workItems(projectID: world.projectA, on: app.db)
            }
            try await sql.raw("UPDATE work_items SET status = 'todo', due_date = '2026-02-30' WHERE id = \(bind: world.visibleItem)").run()
            let dateError = await #expect(throws: StoredValueError.self) { _ = try await PlanStore.workItems(projectID: world.projectA, on: app.db) }
            // then
            #expect(statusError?.id == world.visibleItem && statusError?.column == "status")
            #expect(dateError?.id == world.visibleItem && dateError?.column == "due_date")
            #expect(dateError?.description.contains(world.visibleItem.uuidString.lowercased()) == true)
        }
    }
}
