import Domain
import Fluent
import Foundation
import Persistence
import Testing
import TestSupport
import Vapor
@testable import Web

/// The record of who decided what, on the team page and in the portal.
@Suite struct DecisionPagesTests {
    func portal(_ world: World, _ who: World.Who = .approverA, query: String = "") async throws -> String {
        let session = try #require(try await world.session(who))
        return try await world.client.page(.GET, "/portal/projects/\(world.projectA)\(query)", cookies: ["tandem_session": session.token]).body
    }

    func teamPage(_ world: World) async throws -> String {
        let session = try #require(try await world.session(.owner))
        return try await world.client.page(.GET, "/projects/\(world.projectA)", cookies: ["tandem_session": session.token]).body
    }

    /// Version 1 signed off by 王芳, version 2 proposed with one line changed, one added and one removed.
    func signedThenProposed(_ world: World) async throws {
        let approver = try #require(try await world.token(.approverA))
        _ = try await world.client.json(
            .POST, "/api/v1/projects/\(world.projectA)/scope-versions/1/sign-off", token: approver, body: ["comment": "同意"])
        _ = try await world.client.json(
            .POST, "/api/v1/projects/\(world.projectA)/scope-versions", token: world.ownerToken,
            body: ["goals": ["Launch"], "inScope": ["Shop and cart", "Points"], "outOfScope": [String]()])
    }

    @Test func thePortalShowsWhoSignedWhenAndWhatTheNewVersionChanges() async throws {
        try await withTestApp { app, clock in
            // given
            let world = try await World.make(app)
            try await signedThenProposed(world)
            // when
            let page = try await portal(world)
            // then the signed version is on the page with its signer and time
            let today = LocalDate(clock.now, in: TimeZone(identifier: "Asia/Shanghai")!).description
            #expect(page.contains("id=\"scope-v1\""))
            #expect(page.contains("王芳 于 \(today) 签署 — “同意”"))
            // and version 2 shows its changes against it, legible without colour, linking to it
            #expect(page.contains("<a class=\"signed-link\" href=\"#scope-v1\">"))
            #expect(page.contains("<li class=\"changed\"><span class=\"mark\" aria-hidden=\"true\">~</span>"))
            #expect(page.contains("<del>Shop</del> → <ins>Shop and cart</ins>"))
            #expect(page.contains("<span class=\"mark\" aria-hidden=\"true\">+</span><ins><span class=\"sr\">新增: </span>Points</ins>"))
            #expect(page.contains("<span class=\"mark\" aria-hidden=\"true\">−</span><del><span class=\"sr\">删除: </span>POS</del>"))
            // and the approving contact may sign off or request changes
            #expect(page.contains("/scope-versions/2/sign-off"))
            #expect(page.contains("/scope-versions/2/request-changes"))
            let viewer = try await portal(world, .viewerA)
            #expect(!viewer.contains("/scope-versions/2/request-changes"))
        }
    }

    @Test func theTeamPageShowsTheSignerAndTheDiffOfTheOpenVersion() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            try await signedThenProposed(world)
            let page = try await teamPage(world)
            #expect(page.contains("Signed off by 王芳 on "))
            #expect(page.contains("Changes against signed version 1"))
            #expect(page.contains("<del>Shop</del> → <ins>Shop and cart</ins>"))
        }
    }

    @Test func requestingChangesInThePortalThanksTheContactAndShowsTheRequestToBothSides() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            let session = try #require(try await world.session(.approverA))
            let cookies = ["tandem_session": session.token]
            let path = "/portal/projects/\(world.projectA)/scope-versions/1/request-changes"
            // when the comment is missing, nothing is written
            let bare = try await world.client.page(.POST, path, cookies: cookies, form: ["comment": " ", "_csrf": session.csrf])
            #expect(bare.status == .badRequest)
            #expect(try await AuditEntryRecord.query(on: app.db).count() == 0)
            // when it is given
            let sent = try await world.client.page(.POST, path, cookies: cookies, form: ["comment": "请加上会员积分", "_csrf": session.csrf])
            // then
            #expect(sent.location == "/portal/projects/\(world.projectA)?done=changes#notice")
            let page = try await portal(world, query: "?done=changes")
            #expect(page.contains("谢谢！团队将提交新的版本。"))
            #expect(page.contains("已要求修改"))
            #expect(page.contains("请加上会员积分"))
            #expect(!page.contains("/scope-versions/1/sign-off"))
            let team = try await teamPage(world)
            #expect(team.contains("王芳 asked for changes on "))
            #expect(team.contains("请加上会员积分"))
        }
    }

    @Test func acceptingAsksOnceThenThanksAndBothSidesSeeWhoAndWhen() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            let session = try #require(try await world.session(.approverA))
            let cookies = ["tandem_session": session.token]
            let path = "/portal/deliverables/\(world.visibleDeliverable)/accept"
            // when first submitted: a confirmation, nothing written
            let ask = try await world.client.page(.POST, path, cookies: cookies, form: ["_csrf": session.csrf])
            #expect(ask.status == .ok)
            #expect(ask.body.contains("确认验收「Mock-ups」吗？"))
            #expect(ask.body.contains("name=\"confirm\" value=\"yes\""))
            #expect(try await AuditEntryRecord.query(on: app.db).count() == 0)
            // when confirmed
            let done = try await world.client.page(.POST, path, cookies: cookies, form: ["confirm": "yes", "_csrf": session.csrf])
            #expect(done.location == "/portal/projects/\(world.projectA)?done=accepted#notice")
            // then
            let page = try await portal(world, query: "?done=accepted")
            #expect(page.contains("谢谢！交付物已验收。"))
            #expect(page.contains("王芳 于 "))
            let team = try await teamPage(world)
            #expect(team.contains("Accepted by 王芳 on "))
            #expect(team.contains("<span class=\"submitted-note\">ready</span>"))
        }
    }

    @Test func theContactSeesTheirOwnReturnReasonAndTheTeamTheLinkSubmitted() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let approver = try #require(try await world.token(.approverA))
            let path = "/api/v1/deliverables/\(world.visibleDeliverable)"
            _ = try await world.client.json(.POST, path + "/return", token: approver, body: ["comment": "颜色太暗"])
            let page = try await portal(world)
            #expect(page.contains("<span class=\"muted\">退回原因：</span> <q>颜色太暗</q>"))
            _ = try await world.client.json(.POST, path + "/submit", token: world.ownerToken, body: ["link": "https://files.test/v2", "note": "更亮"])
            let team = try await teamPage(world)
            #expect(team.contains("<a class=\"submitted-link\" href=\"https://files.test/v2\""))
            let answer = try await world.client.json(.GET, "/api/v1/projects/\(world.projectA)/milestones", token: approver)
            let deliverable = answer.items.flatMap { ($0["deliverables"] as? [[String: any Sendable]]) ?? [] }.first
            #expect(deliverable?["link"] as? String == "https://files.test/v2")
        }
    }
}
