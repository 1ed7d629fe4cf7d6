import Domain
import Fluent
import Foundation
import Persistence
import Testing
import TestSupport
import Vapor
@testable import Web

/// The first slice end to end through the pages, as a browser without JavaScript would use them.
@Suite struct PageJourneyTests {
    /// Follows a form post with the page's own CSRF token and the cookies collected so far.
    struct Browser {
        let client: TestClient
        var cookies: [String: String] = [:]

        mutating func get(_ path: String) async throws -> Reply {
            let reply = try await client.page(.GET, path, cookies: cookies)
            absorb(reply)
            return reply
        }

        mutating func post(_ path: String, from page: Reply, _ form: [String: String]) async throws -> Reply {
            var fields = form
            fields["_csrf"] = page.formToken ?? ""
            let reply = try await client.page(.POST, path, cookies: cookies, form: fields)
            absorb(reply)
            return reply
        }

        private mutating func absorb(_ reply: Reply) {
            for name in ["tandem_session", "tandem_csrf"] {
                if let value = reply.cookie(name) { cookies[name] = value }
            }
        }
    }

    static func id(after prefix: String, in location: String?) -> String? {
        guard let location, location.hasPrefix(prefix) else { return nil }
        return String(location.dropFirst(prefix.count).prefix(36))
    }

    @Test func aTeamSetsUpInvitesAndTheCustomerSignsOffInChinese() async throws {
        try await withTestApp { app, _ in
            var team = Browser(client: TestClient(app))
            // setup
            #expect(try await team.get("/").location == "/setup")
            let setupPage = try await team.get("/setup")
            let setup = try await team.post(
                "/setup", from: setupPage,
                [
                    "workspaceName": "晨光", "name": "林晓", "email": "lin@studio.test",
                    "password": "long enough password", "language": "zh-Hans",
                ])
            #expect(setup.location == "/dashboard")
            let dashboard = try await team.get("/dashboard")
            #expect(dashboard.body.contains("<html lang=\"zh-Hans\">"))
            // customer and contact
            let customers = try await team.get("/customers")
            let customerID = try #require(
                Self.id(
                    after: "/customers/",
                    in: try await team.post(
                        "/customers", from: customers,
                        ["name": "山间茶舍", "language": "zh-Hans"]
                    ).location))
            let customerPage = try await team.get("/customers/\(customerID)")
            _ = try await team.post(
                "/customers/\(customerID)/contacts", from: customerPage,
                ["name": "王芳", "email": "wang@tea.test", "language": "zh-Hans", "preferredChannel": "wechat"])
            #expect(try await team.get("/customers/\(customerID)").body.contains("王芳"))
            // project with scope and milestone
            let newProject = try await team.get("/projects/new")
            let projectID = try #require(
                Self.id(
                    after: "/projects/",
                    in: try await team.post(
                        "/projects", from: newProject,
                        [
                            "customerId": customerID, "name": "小程序商城", "goals": "上线\n会员", "startDate": "2026-12-01", "timeZone": "Asia/Shanghai",
                            "currency": "CNY", "budget": "80000",
                        ]
                    ).location))
            var projectPage = try await team.get("/projects/\(projectID)")
            _ = try await team.post(
                "/projects/\(projectID)/scope-versions", from: projectPage,
                ["goals": "春节前上线", "inScope": "商品展示\n下单支付", "outOfScope": "线下收银"])
            projectPage = try await team.get("/projects/\(projectID)")
            _ = try await team.post(
                "/projects/\(projectID)/milestones", from: projectPage,
                ["name": "设计确认", "dueDate": "2026-12-20", "visibleToCustomer": "on"])
            projectPage = try await team.get("/projects/\(projectID)")
            #expect(projectPage.body.contains("设计确认") && projectPage.body.contains("待签署"))
            // invite
            let invitePage = try await team.get("/projects/\(projectID)/invite")
            let contactID = try #require(try await ContactRecord.query(on: app.db).first()?.id?.uuidString)
            let invited = try await team.post("/projects/\(projectID)/invitations", from: invitePage, ["contactId": contactID, "canApprove": "on"])
            let link = try #require(
                invited.body.range(of: "http://tandem.test/invitations/").map { invited.body[$0.lowerBound...].prefix { $0 != "\"" } })
            // the customer, in a fresh browser
            var customer = Browser(client: TestClient(app))
            let path = String(link.dropFirst("http://tandem.test".count))
            let confirm = try await customer.get(path)
            let accepted = try await customer.post(path, from: confirm, [:])
            #expect(accepted.location == "/portal/projects/\(projectID)")
            var portal = try await customer.get("/portal/projects/\(projectID)")
            #expect(portal.body.contains("<html lang=\"zh-Hans\">"))
            #expect(portal.body.contains("请审阅并签署第 1 版范围"))
            // signing asks once, then thanks the contact in their language
            let signOff = "/portal/projects/\(projectID)/scope-versions/1/sign-off"
            let confirmPage = try await customer.post(signOff, from: portal, ["comment": "同意"])
            #expect(confirmPage.status == .ok)
            #expect(confirmPage.body.contains("确认签署第 1 版范围吗？"))
            #expect(try await app.verifyAuditLog().entries == 0)
            let signed = try await customer.post(signOff, from: confirmPage, ["comment": "同意", "confirm": "yes"])
            #expect(signed.location == "/portal/projects/\(projectID)?done=signed#notice")
            portal = try await customer.get("/portal/projects/\(projectID)?done=signed")
            #expect(portal.body.contains("谢谢！范围已签署。"))
            #expect(portal.body.contains("class=\"decision signed-by\">✓ 王芳 于 "))
            #expect(portal.body.contains("已签署"))
            #expect(portal.body.contains("目前没有需要您处理的事项"))
            #expect(try await app.verifyAuditLog().entries == 1)
        }
    }
}
