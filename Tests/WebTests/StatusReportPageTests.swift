import Domain
import Fluent
import Foundation
import Persistence
import Testing
import TestSupport
import Vapor
@testable import Web

/// The team's report pages and the portal's report page with its feedback form.
@Suite struct StatusReportPageTests {
    @Test func theTeamDraftsEditsAndPublishesWithAConfirmStep() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            let project = try await world.send(.GET, "/projects/\(world.projectA)", api: false, as: .owner)
            #expect(project.body.contains("id=\"reports\""))
            #expect(project.body.contains("id=\"draft-report\""))
            // when: draft
            let drafted = try await world.send(.POST, "/projects/\(world.projectA)/status-reports", api: false, as: .owner)
            let location = try #require(drafted.location)
            #expect(location.hasPrefix("/status-reports/"))
            let id = String(location.dropFirst("/status-reports/".count))
            let page = try await world.send(.GET, location, api: false, as: .owner)
            #expect(page.status == .ok)
            #expect(page.body.contains("id=\"edit-report\""))
            // a refused edit keeps the form
            let refused = try await world.send(.POST, location, api: false, as: .owner, form: ["summary": "", "health": "purple"])
            #expect(refused.status == .badRequest)
            #expect(refused.body.contains("field-error"))
            let saved = try await world.send(
                .POST, location, api: false, as: .owner,
                form: ["summary": "A good week.", "health": "green", "healthReason": "On plan", "next": "Launch\nTraining"])
            #expect(saved.status == .seeOther)
            // publish asks first, then publishes
            let ask = try await world.send(.POST, "/status-reports/\(id)/publish", api: false, as: .owner)
            #expect(ask.status == .ok)
            #expect(ask.body.contains("id=\"confirm-publish\""))
            #expect(ask.body.contains("li@tea.test"))
            let record = try #require(try await StatusReportStore.find(UUID(uuidString: id)!, on: app.db))
            #expect(!record.isPublished)
            let done = try await world.send(.POST, "/status-reports/\(id)/publish", api: false, as: .owner, form: ["confirmed": "1"])
            #expect(done.status == .seeOther)
            let shown = try await world.send(.GET, location, api: false, as: .owner)
            #expect(shown.body.contains("id=\"report-hash\""))
            #expect(shown.body.contains("A good week."))
            #expect(shown.body.contains("Training"))
            #expect(!shown.body.contains("id=\"edit-report\""))
        }
    }

    @Test func theCustomerPressesLooksGoodAndTheTeamSeesItOnTheProjectPage() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            let id = try await FeedbackTests.published(world)
            let portal = try await world.send(.GET, "/portal/projects/\(world.projectA)", api: false, as: .approverA)
            #expect(
                portal.body.contains("/portal/status-reports/\(id)") || portal.body.lowercased().contains("/portal/status-reports/\(id.lowercased())")
            )
            // when
            let answered = try await world.send(
                .POST, "/portal/status-reports/\(id)/feedback", api: false, as: .approverA, form: ["kind": "acknowledge", "rating": "5"])
            // then
            #expect(answered.status == .seeOther)
            #expect(answered.location?.contains("done=recorded") == true)
            let thanks = try await world.send(.GET, answered.location ?? "", api: false, as: .approverA)
            #expect(thanks.body.contains("谢谢"))
            // read on a phone: lists, not wide tables, in the contact's language
            #expect(thanks.body.contains("<html lang=\"zh-Hans\"") || thanks.body.contains("lang=\"zh-Hans\""))
            #expect(!thanks.body.contains("<table"))
            let project = try await world.send(.GET, "/projects/\(world.projectA)", api: false, as: .owner)
            #expect(project.body.contains("王芳 acknowledged"))
            #expect(project.body.contains("★★★★★"))
        }
    }

    @Test func aRefusedPortalAnswerIsShownAgain() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let id = try await FeedbackTests.published(world)
            let reply = try await world.send(
                .POST, "/portal/status-reports/\(id)/feedback", api: false, as: .viewerA,
                form: ["kind": "question", "comment": String(repeating: "问", count: 2_001)])
            #expect(reply.status == .badRequest)
            #expect(reply.body.contains("field-error"))
            #expect(try await FeedbackRecord.query(on: app.db).count() == 0)
        }
    }
}
