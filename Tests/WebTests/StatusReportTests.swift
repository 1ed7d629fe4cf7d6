import Domain
import Fluent
import Foundation
import Persistence
import Testing
import TestSupport
import Vapor
@testable import Web

/// Drafting, editing, publishing and reading status reports through the API, on a real database.
@Suite struct StatusReportTests {
    static let period = ["periodStart": "2026-12-01", "periodEnd": "2026-12-07"]

    static func draft(_ world: World, period: [String: String] = period) async throws -> (id: String, reply: Reply) {
        let reply = try await world.client.json(.POST, "/api/v1/projects/\(world.projectA)/status-reports", token: world.ownerToken, body: period)
        guard let id = reply.string("id") else { throw World.Failure("no draft: \(reply.body)") }
        return (id, reply)
    }

    static func publish(_ world: World, _ id: String) async throws -> Reply {
        try await world.client.json(.POST, "/api/v1/status-reports/\(id)/publish", token: world.ownerToken)
    }

    static func titles(_ reply: Reply, _ key: String) -> [String] {
        ((reply.json[key] as? [[String: any Sendable]]) ?? []).compactMap { $0["title"] as? String }
    }

    @Test func aDraftHoldsTheVisiblePlanInTheCustomersLanguageAndNeverTheHiddenOne() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            // when
            let (_, reply) = try await Self.draft(world)
            // then
            #expect(reply.status == .created)
            #expect(reply.string("status") == "draft")
            #expect(reply.string("health") != nil)
            #expect(reply.string("language") == "zh-Hans")
            #expect(reply.string("summary")?.hasPrefix("2026-12-01 至 2026-12-07") == true)
            #expect(Self.titles(reply, "inProgress") == ["Design"])
            #expect((reply.json["risks"] as? [any Sendable])?.isEmpty == true)
            #expect((reply.json["changes"] as? [any Sendable])?.isEmpty == true)
            #expect(!reply.body.contains("Secret refactor"))
            #expect(!reply.body.contains("Internal review"))
            #expect(!reply.body.contains("Code review notes"))
            let milestones = (reply.json["milestones"] as? [[String: any Sendable]]) ?? []
            #expect(milestones.compactMap { $0["name"] as? String } == ["Design sign-off"])
        }
    }

    @Test func draftingTheSamePeriodAgainAnswersTheExistingDraft() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let (first, _) = try await Self.draft(world)
            // when
            let (second, again) = try await Self.draft(world)
            // then
            #expect(again.status == .ok)
            #expect(first == second)
            // and the job's entry point (no author) finds the same one
            let (record, created) = try await StatusReportActions.draft(
                projectID: world.projectA, periodStart: LocalDate("2026-12-01"), periodEnd: LocalDate("2026-12-07"), in: app.context())
            #expect(!created)
            #expect(record.id?.uuidString == first.uppercased() || record.id?.uuidString.lowercased() == first.lowercased())
        }
    }

    @Test func aJobDraftsWithoutAnAuthorAndTheTeamThenGetsThatDraft() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            // when
            let (record, created) = try await StatusReportActions.draft(
                projectID: world.projectA, periodStart: LocalDate("2026-12-01"), periodEnd: LocalDate("2026-12-07"), in: app.context())
            let (id, reply) = try await Self.draft(world)
            // then
            #expect(created)
            #expect(record.createdBy == nil)
            #expect(reply.status == .ok)
            #expect(UUID(uuidString: id) == record.id)
        }
    }

    @Test func aPeriodThatEndsBeforeItStartsIsRefused() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let reply = try await world.client.json(
                .POST, "/api/v1/projects/\(world.projectA)/status-reports", token: world.ownerToken,
                body: ["periodStart": "2026-12-07", "periodEnd": "2026-12-01"])
            #expect(reply.status == .badRequest)
            #expect(reply.errorField == "periodEnd")
        }
    }

    @Test func theDefaultPeriodIsTheSevenDaysBeforeTodayThenSinceTheLastPublishedReport() async throws {
        try await withTestApp { app, clock in
            let world = try await World.make(app)
            let today = LocalDate(clock.now, in: TimeZone(identifier: "Asia/Shanghai")!)
            // when
            let first = try await world.client.json(.POST, "/api/v1/projects/\(world.projectA)/status-reports", token: world.ownerToken, body: [:])
            // then
            #expect(first.string("periodEnd") == today.adding(days: -1).description)
            #expect(first.string("periodStart") == today.adding(days: -7).description)
            _ = try await Self.publish(world, first.string("id") ?? "")
            clock.advance(by: 7 * 86_400)
            let second = try await world.client.json(.POST, "/api/v1/projects/\(world.projectA)/status-reports", token: world.ownerToken, body: [:])
            #expect(second.string("periodStart") == today.description)
            #expect(second.string("periodEnd") == today.adding(days: 6).description)
        }
    }

    @Test func aDraftIsEditedThenPublishedAsAnImmutableNumberedSnapshot() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            let (id, _) = try await Self.draft(world)
            // when
            let patched = try await world.client.json(
                .PATCH, "/api/v1/status-reports/\(id)", token: world.ownerToken,
                body: ["summary": "本周进展顺利。", "health": "amber", "healthReason": "等待设计确认", "next": ["上线准备"], "inProgress": ["Design"]])
            let published = try await Self.publish(world, id)
            // then
            #expect(patched.status == .ok)
            #expect(patched.string("summary") == "本周进展顺利。")
            #expect(Self.titles(patched, "next") == ["上线准备"])
            #expect(published.status == .ok)
            #expect(published.string("status") == "published")
            #expect(published.json["number"] as? Int == 1)
            #expect(published.string("publishedAt") != nil)
            let hash = try #require(published.string("contentHash"))
            #expect(hash.count == 64)
            let refused = try await world.client.json(.PATCH, "/api/v1/status-reports/\(id)", token: world.ownerToken, body: ["summary": "changed"])
            #expect(refused.status == .conflict)
            #expect(try await Self.publish(world, id).status == .conflict)
            let again = try await world.client.json(.GET, "/api/v1/status-reports/\(id)", token: world.ownerToken)
            #expect(again.string("contentHash") == hash)
            #expect(again.string("summary") == "本周进展顺利。")
            // the hash is the SHA-256 of exactly the stored snapshot
            let record = try #require(try await StatusReportStore.find(UUID(uuidString: id)!, on: app.db))
            #expect(try record.report().contentHash() == hash)
            // the database itself refuses to change a published row
            record.content = "{}"
            await #expect(throws: (any Error).self) { try await record.update(on: app.db) }
        }
    }

    @Test func thePortalShowsExactlyTheSnapshotEvenAfterThePlanChanges() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            let (id, _) = try await Self.draft(world)
            _ = try await Self.publish(world, id)
            // when
            let renamed = try await world.client.json(
                .PATCH, "/api/v1/work-items/\(world.visibleItem)", token: world.ownerToken, body: ["title": "Renamed later"])
            #expect(renamed.status == .ok)
            let api = try await world.send(.GET, "/api/v1/status-reports/\(id)", api: true, as: .approverA)
            let page = try await world.send(.GET, "/portal/status-reports/\(id)", api: false, as: .viewerA)
            // then
            #expect(api.status == .ok)
            #expect(Self.titles(api, "inProgress") == ["Design"])
            #expect(page.status == .ok)
            #expect(page.body.contains("id=\"report\""))
            #expect(page.body.contains("Design"))
            #expect(!page.body.contains("Renamed later"))
            #expect(page.body.contains("name=\"kind\" value=\"acknowledge\""))
            #expect(page.body.contains("name=\"kind\" value=\"question\""))
            #expect(page.body.contains("进展报告"))
        }
    }

    @Test func contactsNeverSeeDraftsNorAnotherCustomersReports() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            let (draft, _) = try await Self.draft(world)
            let (published, _) = try await Self.draft(world, period: ["periodStart": "2026-11-01", "periodEnd": "2026-11-07"])
            _ = try await Self.publish(world, published)
            // when / then
            #expect(try await world.send(.GET, "/api/v1/status-reports/\(draft)", api: true, as: .approverA).status == .notFound)
            #expect(try await world.send(.GET, "/portal/status-reports/\(draft)", api: false, as: .viewerA).status == .notFound)
            let list = try await world.send(.GET, "/api/v1/projects/\(world.projectA)/status-reports", api: true, as: .viewerA)
            #expect(list.items.compactMap { $0["id"] as? String } == [published])
            #expect(list.items.first?["feedback"] == nil)
            #expect(try await world.send(.GET, "/api/v1/status-reports/\(published)", api: true, as: .contactB).status == .notFound)
            #expect(try await world.send(.GET, "/portal/status-reports/\(published)", api: false, as: .contactB).status == .notFound)
            #expect(try await world.send(.GET, "/api/v1/projects/\(world.projectA)/status-reports", api: true, as: .contactB).status == .notFound)
            let team = try await world.send(.GET, "/api/v1/projects/\(world.projectA)/status-reports", api: true, as: .member)
            #expect(team.items.count == 2)
        }
    }

    @Test func publishingQueuesOneEmailPerContactInTheirLanguageWithTheirLinksAndNoHiddenCanary() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            _ = try await world.client.json(
                .PATCH, "/api/v1/contacts/\(world.ids[.approverA]!)", token: world.ownerToken, body: ["language": "zh-Hans"])
            _ = try await world.client.json(.PATCH, "/api/v1/contacts/\(world.ids[.viewerA]!)", token: world.ownerToken, body: ["language": "en"])
            let (id, _) = try await Self.draft(world)
            // when
            _ = try await Self.publish(world, id)
            // then
            let rows = try await OutboxRecord.query(on: app.db).filter(\.$projectID == world.projectA).all()
                .filter { $0.idempotencyKey.hasPrefix("status-report-") }
            #expect(rows.count == 2)
            let zh = try #require(rows.first { $0.recipient == "wang@tea.test" })
            let en = try #require(rows.first { $0.recipient == "li@tea.test" })
            #expect(zh.subject.contains("进展报告"))
            #expect(en.subject.contains("status report #1"))
            for row in [zh, en] {
                let html = row.htmlBody ?? ""
                #expect(
                    row.body.contains("http://tandem.test/portal/status-reports/\(id.uppercased())")
                        || row.body.lowercased().contains("/portal/status-reports/\(id.lowercased())"))
                #expect(row.body.components(separatedBy: "http://tandem.test/feedback/").count == 3)
                #expect(html.contains("<table"))
                #expect(html.contains("/feedback/"))
                for canary in ["Secret refactor", "Internal review", "Code review notes"] {
                    #expect(!row.body.contains(canary) && !html.contains(canary) && !row.subject.contains(canary))
                }
            }
            #expect(en.body.contains("Looks good"))
            #expect(zh.body.contains("没有问题"))
            // each contact's links name that contact
            let token = try #require(en.body.components(separatedBy: "http://tandem.test/feedback/").dropFirst().first?.prefix { !$0.isWhitespace })
            let link = try FeedbackLink.verify(String(token), key: FeedbackLinks.key(app.tandem), now: app.tandem.clock())
            #expect(link.contactID == world.ids[.viewerA])
        }
    }
}
