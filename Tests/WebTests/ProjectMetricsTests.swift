import Domain
import Foundation
import Testing
import TestSupport
import Vapor
@testable import Web

/// `GET /projects/{id}/metrics` and the figures chart on the project page, from real milestones, decisions and plan.
@Suite struct ProjectMetricsTests {
    @Test func theFiguresFollowWhatHappened() async throws {
        try await withTestApp { app, clock in
            let world = try await World.make(app)
            let path = "/api/v1/projects/\(world.projectA)/metrics"
            let fresh = try await world.client.json(.GET, path, token: world.ownerToken)
            #expect(fresh.status == .ok, "\(fresh.body)")
            #expect(fresh.json["onTimeMilestoneRate"] is NSNull, "nothing due or done yet")
            #expect(fresh.json["slipDays"] as? Int == 0)
            #expect((fresh.json["cadence"] as? [String: any Sendable])?["reportsDue"] as? Int == 0)
            #expect((fresh.json["satisfaction"] as? [String: any Sendable])?["count"] as? Int == 0)

            // The customer accepts the visible milestone's deliverable before its due date: one of one on time.
            let approver = try await world.token(.approverA)
            _ = try await world.client.json(.POST, "/api/v1/deliverables/\(world.visibleDeliverable)/accept", token: approver, body: [:])
            let accepted = try await world.client.json(.GET, path, token: world.ownerToken)
            #expect(accepted.json["onTimeMilestoneRate"] as? Double == 1)

            // Past 20 December the internal milestone is due with its deliverable still waiting: one of two; and the
            // weekly Friday report fell due three times (4, 11, 18 December) with none published.
            clock.advance(by: 22 * 86_400)
            let later = try await world.client.json(.GET, path, token: world.ownerToken)
            #expect(later.json["onTimeMilestoneRate"] as? Double == 0.5)
            let cadence = try #require(later.json["cadence"] as? [String: any Sendable])
            #expect(cadence["reportsDue"] as? Int == 3)
            #expect(cadence["reportsOnTime"] as? Int == 0)

            #expect(try await world.client.json(.GET, path, token: approver).status == .forbidden)
            #expect(try await world.client.json(.GET, path, token: try await world.token(.contactB)).status == .notFound)

            let session = try #require(try await world.session(.owner))
            let page = try await world.client.page(.GET, "/projects/\(world.projectA)", cookies: ["tandem_session": session.token])
            #expect(page.body.contains("id=\"figures\""))
            #expect(page.body.contains("<svg"), "the figures are a chart")
            #expect(page.body.contains("0/3"), "reports on time written beside the bar")
        }
    }
}
