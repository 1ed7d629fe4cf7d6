import Foundation
import Persistence
import Testing
import TestSupport
import Vapor
@testable import Web

/// A customer of another workspace is as missing as none, through every door.
@Suite struct WorkspaceBoundaryTests {
    @Test func anotherWorkspacesCustomerAnswers404AndTakesNoContact() async throws {
        try await withTestApp { app, clock in
            // given a second workspace with a customer, made straight in the database
            let world = try await World.make(app)
            let other = WorkspaceRecord(name: "Elsewhere", createdAt: clock.now)
            try await other.create(on: app.db)
            let foreign = CustomerRecord(workspaceID: try other.requireID(), name: "Foreign Ltd", language: .en, notes: nil, createdAt: clock.now)
            try await foreign.create(on: app.db)
            let id = try foreign.requireID()
            let before = try await ContactRecord.query(on: app.db).count()
            // when
            let show = try await world.client.json(.GET, "/api/v1/customers/\(id)", token: world.ownerToken)
            let contact = try await world.client.json(
                .POST, "/api/v1/customers/\(id)/contacts", token: world.ownerToken,
                body: ["name": "Mole", "email": "mole@foreign.test"])
            let page = try await world.send(.GET, "/customers/\(id)", api: false, as: .owner)
            let list = try await world.client.json(.GET, "/api/v1/customers", token: world.ownerToken)
            let dashboard = try await world.send(.GET, "/dashboard", api: false, as: .owner)
            // then
            #expect(show.status == .notFound && contact.status == .notFound && page.status == .notFound)
            #expect(try await ContactRecord.query(on: app.db).count() == before)
            #expect(!list.body.contains("Foreign Ltd") && !dashboard.body.contains("Foreign Ltd"))
        }
    }
}

/// Pages never show a catalogue key instead of its text (an enum interpolated by case name, say).
@Suite struct NoRawKeysTests {
    @Test func customerPagesNameLanguagesAndChannelsInWords() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            for path in ["/customers", "/customers/\(world.customerA)", "/dashboard", "/projects/\(world.projectA)"] {
                let page = try await world.send(.GET, path, api: false, as: .owner)
                #expect(page.status == .ok)
                for prefix in ["language.", "channel.", "status.", "workStatus.", "scope.status.", "deliverable.status."] {
                    #expect(!page.body.contains(">" + prefix), "\(path) shows a raw \(prefix) key")
                    #expect(!page.body.contains(" " + prefix + "zh"), "\(path) shows a raw \(prefix) key")
                }
                #expect(!page.body.contains("zhHans"), "\(path) shows an enum case name")
            }
        }
    }

    @Test func aRefusedFormShowsWordsNotKeys() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let session = try #require(try await world.session(.owner))
            for (path, form) in [
                ("/projects/\(world.projectA)/work-items", ["title": "x", "startDate": "2026-12-10", "dueDate": "2026-12-01"]),
                ("/projects/\(world.projectA)/calendar", ["workingDates": "someday"]),
                ("/customers", ["name": "", "language": "en"]),
            ] {
                let page = try await world.client.page(
                    .POST, path, cookies: ["tandem_session": session.token], form: form.merging(["_csrf": session.csrf]) { $1 })
                #expect(page.status == .badRequest)
                for prefix in ["validation.", "form.", "field.", "error."] {
                    #expect(!page.body.contains(">" + prefix) && !page.body.contains("⚠ " + prefix), "\(path) shows a raw \(prefix) key")
                }
            }
        }
    }
}
