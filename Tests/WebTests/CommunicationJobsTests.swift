import Domain
import Fluent
import Foundation
import Persistence
import Testing
import TestSupport
import Vapor
@testable import Web

/// The plan carried out by the jobs: the report a cadence makes due is drafted once (also after downtime, only the
/// latest), the team is told, and customer questions nearing the reply target are brought to the team once.
@Suite struct CommunicationJobsTests {
    static func at(_ text: String) -> Date { try! Date(text, strategy: .iso8601) }

    func drafts(_ world: World, _ app: Application) async throws -> [StatusReportRecord] {
        try await StatusReportStore.list(projectID: world.projectA, publishedOnly: false, on: app.db)
    }

    func notices(_ app: Application, containing text: String) async throws -> [OutboxRecord] {
        try await OutboxRecord.query(on: app.db).all().filter { $0.subject.contains(text) }
    }

    @Test func theDueReportIsDraftedOnceAndTheTeamIsTold() async throws {
        try await withTestApp { app, clock in
            let world = try await World.make(app)
            // Project A: a weekly report on Friday 17:00 Shanghai (09:00Z), agreed before the project starts (1 Dec).
            let jobs = [CommunicationJobs.job]
            #expect(try await JobRegistry.runDue(at: clock.now, jobs: jobs, in: app.context()).isEmpty, "nothing due yet")

            clock.advance(by: Self.at("2026-12-04T09:05:00Z").timeIntervalSince(clock.now))
            let ran = try await JobRegistry.runDue(at: clock.now, jobs: jobs, in: app.context())
            #expect(ran == ["communication-plans"])
            let first = try await drafts(world, app)
            #expect(first.count == 1)
            #expect(first.first?.periodEnd == "2026-12-03", "the period ends the day before the report falls due")
            #expect(first.first?.status == "draft")
            let told = try await notices(app, containing: "drafted")
            #expect(told.count == 3, "one e-mail per active member: \(told.map(\.recipient))")

            // The same occurrence again (another instance, a restart): nothing new.
            #expect(try await CommunicationJobs.runDue(at: clock.now.addingTimeInterval(120), in: app.context()) == 0)
            #expect(try await drafts(world, app).count == 1)

            // Down for two weeks: only the latest missed occurrence (18 December) is drafted.
            clock.advance(by: Self.at("2026-12-19T00:00:00Z").timeIntervalSince(clock.now))
            #expect(try await CommunicationJobs.runDue(at: clock.now, in: app.context()) == 1)
            let later = try await drafts(world, app)
            #expect(later.count == 2)
            #expect(later.contains { $0.periodEnd == "2026-12-17" })
            #expect(try await notices(app, containing: "drafted").count == 6)
        }
    }

    @Test func aQuestionNearingTheTargetIsBroughtToTheTeamOnce() async throws {
        try await withTestApp { app, clock in
            let world = try await World.make(app)
            let asked = try await world.client.json(
                .POST, "/api/v1/projects/\(world.projectA)/messages", token: try await world.token(.viewerA),
                body: ["body": "When will the shop open?", "visibility": "customer"])
            #expect(asked.status == .created, "\(asked.body)")
            // The target is 24 h: after 17 h nothing, after 19 h (past 75 %) one reminder, and never a second.
            clock.advance(by: 17 * 3600)
            #expect(
                try await CommunicationJobs.remindOfQuestions(
                    try #require(try await CommunicationPlanStore.find(projectID: world.projectA, on: app.db)), at: clock.now, in: app.context()) == 0
            )
            clock.advance(by: 2 * 3600)
            let stored = try #require(try await CommunicationPlanStore.find(projectID: world.projectA, on: app.db))
            #expect(try await JobRegistry.runDue(at: clock.now, jobs: [CommunicationJobs.reminders], in: app.context()) == ["question-reminders"])
            #expect(try await CommunicationJobs.remindOfQuestions(stored, at: clock.now.addingTimeInterval(600), in: app.context()) == 0)
            let reminders = try await OutboxRecord.query(on: app.db).all().filter { $0.idempotencyKey.hasPrefix("question-reminder-") }
            #expect(reminders.count == 3, "one per active member")
            #expect(reminders.allSatisfy { $0.body.contains("When will the shop open?") })

            // The team answers: the question no longer waits, and the plan's page says so.
            _ = try await world.client.json(
                .POST, "/api/v1/projects/\(world.projectA)/messages", token: world.ownerToken,
                body: ["body": "On 20 December.", "visibility": "customer"])
            let plan = try await world.client.json(.GET, "/api/v1/projects/\(world.projectA)/communication-plan", token: world.ownerToken)
            let adherence = try #require(plan.json["adherence"] as? [String: any Sendable])
            #expect((adherence["waiting"] as? [Any])?.isEmpty == true)
            let replies = try #require(adherence["replies"] as? [String: any Sendable])
            #expect(replies["teamMedianHours"] as? Double == 19)
        }
    }
}
