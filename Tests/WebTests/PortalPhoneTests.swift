import Domain
import Foundation
import Testing
import TestSupport
import Vapor
@testable import Web

/// The portal as a customer reads it on a phone: "my projects" with status and what waits on them, the
/// team's preview as a contact, charts that open whole, and plans without work.
@Suite struct PortalPhoneTests {
    /// A second project of customer A that the approving contact is also invited to (nothing waits there).
    func secondProject(_ world: World) async throws -> UUID {
        let created = try await world.client.json(
            .POST, "/api/v1/projects", token: world.ownerToken,
            body: ["customerId": world.customerA.uuidString, "name": "会员系统", "timeZone": "Asia/Shanghai", "startDate": "2026-12-01", "goals": ["会员"]])
        let id = try #require(created.string("id").flatMap(UUID.init(uuidString:)))
        let invitation = try await world.client.json(
            .POST, "/api/v1/projects/\(id)/invitations", token: world.ownerToken,
            body: ["contactId": world.ids[.approverA]!.uuidString, "canApprove": true])
        _ = try await world.client.json(.POST, "/api/v1/auth/invitations/accept", body: ["token": try #require(invitation.string("token"))])
        return id
    }

    @Test func myProjectsShowsEachProjectsStatusAndWhatWaitsOnTheContact() async throws {
        try await withTestApp { app, _ in
            // given project A waits on the contact (scope v1, the visible deliverable); the second project waits on nothing
            let world = try await World.make(app)
            let second = try await secondProject(world)
            let session = try #require(try await world.session(.approverA))
            // when
            let page = try await world.client.page(.GET, "/portal", cookies: ["tandem_session": session.token])
            // then
            #expect(page.status == .ok)
            #expect(page.body.contains("data-project-id=\"\(world.projectA.uuidString)\" data-status=\"planning\" data-waiting=\"2\""))
            #expect(page.body.contains("data-project-id=\"\(second.uuidString)\" data-status=\"planning\" data-waiting=\"0\""))
            #expect(page.body.contains("规划中"))
            #expect(page.body.contains("请审阅并签署第 1 版范围"))
            #expect(page.body.contains("请验收「Mock-ups」"))
            #expect(page.body.contains("目前没有需要您处理的事项"))
            // a deliverable of a hidden milestone waits on nobody the customer knows of
            #expect(!page.body.contains("Code review notes"))
        }
    }

    @Test func aMemberPreviewsThePortalAsAContactInTheirLanguageReadOnly() async throws {
        try await withTestApp { app, _ in
            // given an English-speaking owner and a Chinese-speaking approving contact
            let world = try await World.make(app)
            let session = try #require(try await world.session(.owner))
            let contact = try #require(world.ids[.approverA])
            // when
            let page = try await world.client.page(
                .GET, "/portal/projects/\(world.projectA)?as=\(contact.uuidString)", cookies: ["tandem_session": session.token])
            // then the banner names the contact, the page speaks Chinese, and nothing can be acted on
            #expect(page.status == .ok)
            #expect(page.body.contains("id=\"preview-banner\""))
            #expect(page.body.contains("您正在以 王芳 的视角预览门户"))
            #expect(page.body.contains("待您处理"))
            #expect(!page.body.contains("sign-off-scope") && !page.body.contains("accept-deliverable") && !page.body.contains("return-deliverable"))
            #expect(!page.body.contains("Secret refactor") && !page.body.contains("Internal review"))
            #expect(page.body.contains("burnup.svg?as=\(contact.uuidString)"))
        }
    }

    @Test func aPreviewAsSomeoneElsesContactIsNotFound() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let session = try #require(try await world.session(.owner))
            for value in [world.ids[.contactB]!.uuidString, "not-a-uuid"] {
                let page = try await world.client.page(
                    .GET, "/portal/projects/\(world.projectA)?as=\(value)", cookies: ["tandem_session": session.token])
                #expect(page.status == .notFound, "as=\(value)")
            }
        }
    }

    @Test func thePortalOffersZoomLinksAndTheScrollHintAndShowsCustomerVisibleHistory() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            let session = try #require(try await world.session(.approverA))
            // when
            let page = try await world.client.page(.GET, "/portal/projects/\(world.projectA)", cookies: ["tandem_session": session.token])
            // then a plan of about three weeks (its milestone is due on the 20th) opens at weeks on a phone,
            // with the other scales one tap away
            #expect(page.body.contains("gantt.svg?zoom=week"))
            #expect(page.body.contains("id=\"portal-zoom\""))
            #expect(page.body.contains("?zoom=day#plan") && page.body.contains("?zoom=month#plan"))
            #expect(page.body.contains("图表较宽时可左右滑动查看"))
            #expect(page.body.contains("时间刻度："))
            #expect(page.body.contains("id=\"activity\""))
            #expect(page.body.contains("添加了里程碑「Design sign-off」"))
            #expect(!page.body.contains("Internal review"))
        }
    }

    @Test func aPlanWithoutWorkShowsOneLineInsteadOfCharts() async throws {
        try await withTestApp { app, _ in
            // given project B has no work items
            let world = try await World.make(app)
            let owner = try #require(try await world.session(.owner))
            let contact = try #require(try await world.session(.contactB))
            // when
            let team = try await world.client.page(.GET, "/projects/\(world.projectB)", cookies: ["tandem_session": owner.token])
            let portal = try await world.client.page(.GET, "/portal/projects/\(world.projectB)", cookies: ["tandem_session": contact.token])
            // then
            for page in [team, portal] {
                #expect(page.status == .ok)
                #expect(page.body.contains("chart-empty"))
                #expect(!page.body.contains("gantt.svg"))
            }
            // while project A, with work, still embeds its charts
            let withWork = try await world.client.page(.GET, "/projects/\(world.projectA)", cookies: ["tandem_session": owner.token])
            #expect(withWork.body.contains("gantt.svg") && !withWork.body.contains("chart-empty"))
        }
    }

    @Test func theBurnUpNamesItsUnitAndShowsRoundTicks() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let session = try #require(try await world.session(.approverA))
            let svg = try await world.client.page(.GET, "/portal/projects/\(world.projectA)/burnup.svg", cookies: ["tandem_session": session.token])
            #expect(svg.status == .ok)
            #expect(svg.body.contains("任务数") && svg.body.contains("日期"))
        }
    }
}
