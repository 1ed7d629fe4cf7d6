import Domain
import Fluent
import Foundation
import Persistence
import Testing
import TestSupport
import Vapor
@testable import Web

/// A contact's answer to a report: through the API, the portal form and the e-mail's one-click links.
@Suite struct FeedbackTests {
    static func published(_ world: World) async throws -> String {
        let (id, _) = try await StatusReportTests.draft(world)
        _ = try await StatusReportTests.publish(world, id)
        return id
    }

    static func rows(_ app: Application) async throws -> [FeedbackRecord] { try await FeedbackRecord.query(on: app.db).all() }

    @Test func aContactAcknowledgesOnceWithARating() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let id = try await Self.published(world)
            // when
            let first = try await world.send(
                .POST, "/api/v1/status-reports/\(id)/feedback", api: true, as: .viewerA, json: #"{"kind":"acknowledge","rating":5}"#)
            let second = try await world.send(
                .POST, "/api/v1/status-reports/\(id)/feedback", api: true, as: .viewerA, json: #"{"kind":"acknowledge"}"#)
            // then
            #expect(first.status == .created)
            #expect(first.string("kind") == "acknowledge")
            #expect(first.json["rating"] as? Int == 5)
            #expect(second.status == .conflict)
            #expect(try await Self.rows(app).count == 1)
            let team = try await world.client.json(.GET, "/api/v1/status-reports/\(id)", token: world.ownerToken)
            #expect((team.json["feedback"] as? [[String: any Sendable]])?.count == 1)
        }
    }

    @Test func feedbackIsValidated() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let id = try await Self.published(world)
            let path = "/api/v1/status-reports/\(id)/feedback"
            for (body, field) in [
                (#"{"kind":"question","rating":0}"#, "rating"), (#"{"kind":"question","rating":6}"#, "rating"), (#"{"kind":"maybe"}"#, "kind"),
                (#"{"kind":"question","comment":"\#(String(repeating: "x", count: 2_001))"}"#, "comment"),
            ] {
                let reply = try await world.send(.POST, path, api: true, as: .approverA, json: body)
                #expect(reply.status == .badRequest, "\(body.prefix(40))")
                #expect(reply.errorField == field)
            }
            #expect(try await Self.rows(app).isEmpty)
            #expect(try await world.send(.POST, path, api: true, as: .owner, json: #"{"kind":"question"}"#).status == .forbidden)
        }
    }

    @Test func feedbackOnADraftIsNotFound() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let (draft, _) = try await StatusReportTests.draft(world)
            let reply = try await world.send(
                .POST, "/api/v1/status-reports/\(draft)/feedback", api: true, as: .approverA, json: #"{"kind":"question"}"#)
            #expect(reply.status == .notFound)
        }
    }

    @Test func theOneClickLinkShowsAConfirmPageAndWritesNothingOnGET() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let token = try await world.freshFeedbackToken(kind: .acknowledge)
            // when
            let page = try await world.client.page(.GET, "/feedback/\(token)")
            // then
            #expect(page.status == .ok)
            #expect(page.body.contains("id=\"confirm-feedback\""))
            #expect(page.body.contains("id=\"report\""))
            #expect(page.body.contains("第 1 期报告") || page.body.contains("没有问题"))
            #expect(try await Self.rows(app).isEmpty)
        }
    }

    @Test func postingTheOneClickLinkRecordsOnceWithoutSigningIn() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let token = try await world.freshFeedbackToken(kind: .question)
            // when
            let first = try await world.send(.POST, "/feedback/\(token)", api: false, as: .anonymous, form: ["rating": "4", "comment": "何时上线？"])
            let again = try await world.send(.POST, "/feedback/\(token)", api: false, as: .anonymous, form: ["comment": "again"])
            // then
            #expect(first.status == .ok)
            #expect(first.body.contains("谢谢"))
            #expect(again.status == .ok)
            #expect(again.body.contains("已经记录"))
            let reopened = try await world.client.page(.GET, "/feedback/\(token)")
            #expect(reopened.body.contains("已经记录"))
            #expect(!reopened.body.contains("id=\"confirm-feedback\""))
            let rows = try await Self.rows(app)
            #expect(rows.count == 1)
            #expect(rows.first?.contactID == world.ids[.viewerA])
            #expect(rows.first?.kind == .question)
            #expect(rows.first?.rating == 4)
            #expect(rows.first?.via == "link")
        }
    }

    @Test func aTamperedOrExpiredLinkIsRefusedAndWritesNothing() async throws {
        try await withTestApp { app, clock in
            let world = try await World.make(app)
            let token = try await world.freshFeedbackToken(kind: .acknowledge)
            let tampered = token.replacingOccurrences(of: ".acknowledge.", with: ".question.")
            let expired = try await world.freshFeedbackToken(kind: .acknowledge, expires: clock.now.addingTimeInterval(-1))
            // when / then
            #expect(try await world.client.page(.GET, "/feedback/\(tampered)").status == .badRequest)
            #expect(try await world.send(.POST, "/feedback/\(tampered)", api: false, as: .anonymous).status == .badRequest)
            #expect(try await world.client.page(.GET, "/feedback/\(expired)").status == .gone)
            #expect(try await world.send(.POST, "/feedback/\(expired)", api: false, as: .anonymous).status == .gone)
            #expect(try await world.client.page(.GET, "/feedback/not-a-token").status == .badRequest)
            #expect(try await Self.rows(app).isEmpty)
        }
    }

    @Test func aBadRatingOnTheLinkPageIsShownAgainWithTheMessage() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let token = try await world.freshFeedbackToken(kind: .acknowledge)
            let reply = try await world.send(.POST, "/feedback/\(token)", api: false, as: .anonymous, form: ["rating": "9"])
            #expect(reply.status == .badRequest)
            #expect(reply.body.contains("field-error"))
            #expect(try await Self.rows(app).isEmpty)
        }
    }
}
