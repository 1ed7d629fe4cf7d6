import Foundation
import Testing
import TestSupport
import Vapor
@testable import Web

/// Every page of the communication loop, filled with real reports, messages and meetings, renders its markup as
/// markup: a list interpolated where a string was expected shows up escaped (`&lt;li`) or as `HTML(raw: …)`, which a
/// test that only looks for a name in the page does not notice.
@Suite struct CommunicationPagesMarkupTests {
    @Test func noPageShowsEscapedMarkup() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let owner = world.ownerToken
            let draft = try await world.client.json(.POST, "/api/v1/projects/\(world.projectA)/status-reports", token: owner, body: [:])
            let reportID = try #require(draft.string("id"), "\(draft.body)")
            #expect(try await world.client.json(.POST, "/api/v1/status-reports/\(reportID)/publish", token: owner, body: [:]).status == .ok)
            let viewer = try #require(try await world.token(.viewerA))
            _ = try await world.client.json(
                .POST, "/api/v1/status-reports/\(reportID)/feedback", token: viewer, body: ["kind": "question", "rating": 4, "comment": "Why <b>?"])
            _ = try await world.client.json(
                .POST, "/api/v1/projects/\(world.projectA)/messages", token: viewer,
                body: ["body": "**When** is the launch?", "visibility": "customer"])
            _ = try await world.client.json(
                .POST, "/api/v1/projects/\(world.projectA)/messages", token: owner, body: ["body": "On *Friday*.", "visibility": "customer"])
            let meeting = try await world.client.json(
                .POST, "/api/v1/projects/\(world.projectA)/meetings", token: owner,
                body: ["title": "Review", "startsAt": "2026-12-09T02:00:00Z", "durationMinutes": 30])
            let meetingID = try #require(meeting.string("id"), "\(meeting.body)")
            _ = try await world.client.json(
                .PUT, "/api/v1/meetings/\(meetingID)/minutes", token: owner,
                body: [
                    "notes": "Went well", "decisions": ["Ship it"],
                    "actionItems": [["title": "Send logo", "owner": "customer", "dueDate": "2026-12-12"]],
                ])

            let team = try #require(try await world.session(.owner))
            let contact = try #require(try await world.session(.viewerA))
            let pages: [(String, String)] = [
                (team.token, "/projects/\(world.projectA)"), (team.token, "/projects/\(world.projectA)/communication"),
                (team.token, "/projects/\(world.projectA)/messages"), (team.token, "/status-reports/\(reportID)"),
                (team.token, "/meetings/\(meetingID)"), (team.token, "/projects/\(world.projectA)/integrations"),
                (team.token, "/deliveries"),
                (contact.token, "/portal/projects/\(world.projectA)"), (contact.token, "/portal/projects/\(world.projectA)/communication"),
                (contact.token, "/portal/projects/\(world.projectA)/messages"), (contact.token, "/portal/status-reports/\(reportID)"),
            ]
            for (session, path) in pages {
                let page = try await world.client.page(.GET, path, cookies: ["tandem_session": session])
                #expect(page.status == .ok, "\(path): \(page.status)")
                #expect(!page.body.contains("HTML(raw:"), "\(path) shows an HTML value's description")
                for escaped in ["&lt;li", "&lt;ul", "&lt;p", "&lt;span", "&lt;a href", "&lt;section", "&lt;strong"] {
                    #expect(!page.body.contains(escaped), "\(path) shows escaped markup \(escaped)")
                }
            }
        }
    }
}
