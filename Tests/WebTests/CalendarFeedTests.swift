import Domain
import Fluent
import Foundation
import Persistence
import Testing
import TestSupport
import Vapor
@testable import Web

private let noChecker: Comment = "python3 with icalendar not found (pip install -r Tests/calendar/requirements.txt, or set TANDEM_TEST_PYTHON)"

/// The project feed and the personal feeds, fetched over the app and validated with PyPI icalendar.
@Suite struct CalendarFeedTests {
    func projectFeed(_ world: World, as who: World.Who) async throws -> Reply {
        try await world.client.json(.GET, "/api/v1/projects/\(world.projectA)/calendar.ics", token: try await world.token(who))
    }

    func newFeed(_ world: World, as who: World.Who) async throws -> (url: String, token: String) {
        let reply = try await world.client.json(.POST, "/api/v1/calendar-feeds", token: try await world.token(who))
        #expect(reply.status == .created)
        return (try #require(reply.string("url")), try #require(reply.string("token")))
    }

    @Test(.enabled(if: CalendarChecker.available, noChecker))
    func theTeamsProjectFeedParsesAndHoldsEveryMilestoneAsAnAllDayEvent() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            // when
            let reply = try await projectFeed(world, as: .owner)
            // then
            #expect(reply.status == .ok)
            #expect(reply.headers.contentType?.description.hasPrefix("text/calendar") == true)
            let summary = try CalendarChecker.check(Data(reply.body.utf8))
            #expect(summary.ok, "\(summary.reason ?? "")")
            #expect(summary.method == "PUBLISH")
            let events = summary.events ?? []
            #expect(Set(events.map(\.summary)) == ["Milestone: Design sign-off", "Milestone: Internal review"])
            let visible = try #require(events.first { $0.uid == "milestone-\(world.visibleMilestone.uuidString.lowercased())@tandem" })
            #expect(visible.allDay && visible.start == "2026-12-20" && visible.end == "2026-12-21")
            #expect(visible.description.contains("小程序商城"))
        }
    }

    @Test(.enabled(if: CalendarChecker.available, noChecker))
    func aContactsProjectFeedIsInTheirLanguageAndNeverHoldsAnInternalMilestone() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            // when
            let reply = try await projectFeed(world, as: .approverA)
            // then
            #expect(reply.status == .ok)
            let summary = try CalendarChecker.check(Data(reply.body.utf8))
            #expect(summary.ok, "\(summary.reason ?? "")")
            #expect(summary.events?.map(\.summary) == ["里程碑：Design sign-off"])
            #expect(!reply.body.contains("Internal review"))
            #expect(!reply.body.contains(world.hiddenMilestone.uuidString.lowercased()))
            #expect(reply.body.contains("/portal/projects/\(world.projectA.uuidString)"))
        }
    }

    @Test func anotherCustomersProjectFeedIsNotFound() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            #expect(try await projectFeed(world, as: .contactB).status == .notFound)
            #expect(try await projectFeed(world, as: .anonymous).status == .unauthorized)
        }
    }

    @Test(.enabled(if: CalendarChecker.available, noChecker))
    func aContactsPersonalFeedWorksWithoutSignInAndHoldsOnlyCustomerVisibleEntries() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            let feed = try await newFeed(world, as: .approverA)
            #expect(feed.url == "http://tandem.test/calendar/\(feed.token).ics")
            // when
            let reply = try await world.client.json(.GET, "/calendar/\(feed.token).ics")
            // then
            #expect(reply.status == .ok)
            let summary = try CalendarChecker.check(Data(reply.body.utf8))
            #expect(summary.ok, "\(summary.reason ?? "")")
            #expect(summary.events?.map(\.summary) == ["里程碑：Design sign-off（小程序商城）"])
            #expect(!reply.body.contains("Internal review"))
        }
    }

    @Test(.enabled(if: CalendarChecker.available, noChecker))
    func aMembersPersonalFeedSpansTheWorkspacesOpenProjects() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            _ = try await world.client.json(
                .POST, "/api/v1/projects/\(world.projectB)/milestones", token: world.ownerToken,
                body: ["name": "Go live", "dueDate": "2027-01-15", "visibleToCustomer": true])
            let feed = try await newFeed(world, as: .member)
            // when
            let reply = try await world.client.json(.GET, "/calendar/\(feed.token).ics")
            // then
            let summary = try CalendarChecker.check(Data(reply.body.utf8))
            #expect(summary.ok, "\(summary.reason ?? "")")
            #expect(
                summary.events?.map(\.summary).sorted()
                    == ["Milestone: Design sign-off (小程序商城)", "Milestone: Go live (Website)", "Milestone: Internal review (小程序商城)"])
        }
    }

    @Test func aRevokedReplacedOrUnknownTokenIsNotFound() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            let first = try await newFeed(world, as: .viewerA)
            let second = try await newFeed(world, as: .viewerA)
            // then: making it again replaced the first
            #expect(try await world.client.json(.GET, "/calendar/\(first.token).ics").status == .notFound)
            #expect(try await world.client.json(.GET, "/calendar/\(second.token).ics").status == .ok)
            #expect(try await world.client.json(.GET, "/calendar/\(second.token)").status == .notFound)
            #expect(try await world.client.json(.GET, "/calendar/\(SecretToken.generate()).ics").status == .notFound)
            // when
            let revoked = try await world.client.json(.DELETE, "/api/v1/calendar-feeds/current", token: try await world.token(.viewerA))
            // then
            #expect(revoked.status == .noContent)
            #expect(try await world.client.json(.GET, "/calendar/\(second.token).ics").status == .notFound)
        }
    }

    @Test func onlyTheTokensHashIsStored() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let feed = try await newFeed(world, as: .owner)
            let rows = try await CalendarFeedRecord.query(on: app.db).all()
            #expect(rows.count == 1)
            #expect(rows.first?.tokenHash == SecretToken.hash(feed.token))
            #expect(rows.first?.tokenHash != feed.token)
        }
    }

    @Test func aDeactivatedPersonsFeedStopsWorking() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            let member = try await newFeed(world, as: .member)
            let contact = try await newFeed(world, as: .viewerA)
            #expect(try await world.client.json(.GET, "/calendar/\(member.token).ics").status == .ok)
            // when
            _ = try await world.client.json(.PATCH, "/api/v1/members/\(world.ids[.member]!)", token: world.ownerToken, body: ["active": false])
            _ = try await world.client.json(.PATCH, "/api/v1/contacts/\(world.ids[.viewerA]!)", token: world.ownerToken, body: ["active": false])
            // then
            #expect(try await world.client.json(.GET, "/calendar/\(member.token).ics").status == .notFound)
            #expect(try await world.client.json(.GET, "/calendar/\(contact.token).ics").status == .notFound)
        }
    }

    @Test func theTeamAndPortalPagesMakeShowAndRevokeTheAddress() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            for (who, base) in [(World.Who.member, "/calendar-feed"), (.approverA, "/portal/calendar-feed")] {
                // given
                let empty = try await world.send(.GET, base, api: false, as: who)
                #expect(empty.status == .ok)
                #expect(empty.body.contains("id=\"create-feed-form\""))
                // when
                let made = try await world.send(.POST, base, api: false, as: who)
                // then
                #expect(made.status == .ok)
                let url = try #require(made.body.firstMatch(of: /value="(http:\/\/tandem\.test\/calendar\/[A-Za-z0-9_-]+\.ics)"/)?.1)
                let path = String(url.dropFirst("http://tandem.test".count))
                #expect(try await world.client.json(.GET, path).status == .ok)
                let shown = try await world.send(.GET, base, api: false, as: who)
                #expect(shown.body.contains("id=\"revoke-feed-form\"") && !shown.body.contains(path))
                // when
                let revoked = try await world.send(.POST, base + "/revoke", api: false, as: who)
                // then
                #expect(revoked.status == .seeOther)
                #expect(try await world.client.json(.GET, path).status == .notFound)
            }
            // and the other side's page is not theirs
            #expect(try await world.send(.GET, "/portal/calendar-feed", api: false, as: .member).status == .forbidden)
        }
    }
}
