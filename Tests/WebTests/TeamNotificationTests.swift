import Domain
import Fluent
import Foundation
import Persistence
import Testing
import TestSupport
import Vapor
@testable import Web

/// A customer's decision tells the team: an e-mail to each active member in the member's language, and a message to
/// each integration of the project marked for the team (none to the customer's chats), queued with the decision.
@Suite struct TeamNotificationTests {
    static let hidden = ["Secret refactor", "Code review notes", "Internal review"]

    @Test func aContactsSignOffQueuesMemberMailsAndTheTeamChat() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let memberID = try #require(world.ids[.member])
            let patched = try await world.client.json(.PATCH, "/api/v1/members/\(memberID)", token: world.ownerToken, body: ["language": "zh-Hans"])
            #expect(patched.status == .ok)
            let team = try await IntegrationTests.create(
                world, kind: "wecom", url: "https://203.0.113.30/cgi-bin/webhook/send?key=k", audience: "team")
            let customer = try await IntegrationTests.create(world, kind: "dingtalk", url: "https://203.0.113.31/robot/send?access_token=t")
            let teamID = try #require(team.string("id"))
            let customerID = try #require(customer.string("id"))
            let before = try await OutboxRecord.query(on: app.db).count()

            let approver = try #require(try await world.token(.approverA))
            let signed = try await world.client.json(
                .POST, "/api/v1/projects/\(world.projectA)/scope-versions/1/sign-off", token: approver, body: ["comment": "很好 <b>ok</b>"])
            #expect(signed.status == .ok, "\(signed.body)")

            let rows = try await OutboxRecord.query(on: app.db).sort(\.$createdAt).all().dropFirst(before)
            let mails = rows.filter { $0.channel == "email" }
            #expect(Set(mails.map(\.recipient)) == ["owner@studio.test", "manager@studio.test", "member@studio.test"])
            let owner = try #require(mails.first { $0.recipient == "owner@studio.test" })
            #expect(owner.subject == "王芳 signed off scope #1 of “小程序商城”")
            #expect(owner.body.contains("They wrote: “很好 <b>ok</b>”"))
            #expect(owner.body.contains("http://tandem.test/projects/\(world.projectA.uuidString)"))
            #expect(owner.htmlBody?.contains("&lt;b&gt;ok&lt;/b&gt;") == true, "the comment is escaped in the HTML part")
            let member = try #require(mails.first { $0.recipient == "member@studio.test" })
            #expect(member.subject == "王芳 签署了「小程序商城」的范围 #1")
            #expect(member.body.contains("对方写道"))
            #expect(mails.allSatisfy { $0.projectID == world.projectA })

            let chats = rows.filter { $0.channel == "im" }
            #expect(chats.map(\.recipient) == [teamID.uppercased()], "the team's chat only, not the customer's \(customerID)")
            let chat = try #require(chats.first)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(chat.body.utf8)) as? [String: Any])
            let content = try #require((json["markdown"] as? [String: Any])?["content"] as? String)
            #expect(content.contains("signed off scope version \\#1"), "in the owner's language (en): \(content)")
            #expect(content.contains("&lt;b&gt;"), "the comment's markup is escaped for WeCom")
            for row in rows {
                for canary in Self.hidden {
                    #expect(!row.subject.contains(canary) && !row.body.contains(canary) && !(row.htmlBody ?? "").contains(canary))
                }
            }
        }
    }

    @Test func aRequestForChangesTellsTheTeamButNotADeactivatedMember() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let memberID = try #require(world.ids[.member])
            #expect(
                try await world.client.json(.PATCH, "/api/v1/members/\(memberID)", token: world.ownerToken, body: ["active": false]).status == .ok)
            let before = try await OutboxRecord.query(on: app.db).count()
            let approver = try #require(try await world.token(.approverA))
            let reply = try await world.client.json(
                .POST, "/api/v1/projects/\(world.projectA)/scope-versions/1/request-changes", token: approver, body: ["comment": "add the POS"])
            #expect(reply.status == .ok, "\(reply.body)")
            let rows = try await OutboxRecord.query(on: app.db).sort(\.$createdAt).all().dropFirst(before)
            #expect(Set(rows.map(\.recipient)) == ["owner@studio.test", "manager@studio.test"])
            #expect(rows.allSatisfy { $0.subject == "王芳 asks for changes to scope #1 of “小程序商城”" && $0.body.contains("add the POS") })
        }
    }

    @Test func acceptingAndReturningADeliverableTellTheTeam() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let approver = try #require(try await world.token(.approverA))
            let before = try await OutboxRecord.query(on: app.db).count()
            let accepted = try await world.client.json(.POST, "/api/v1/deliverables/\(world.visibleDeliverable)/accept", token: approver, body: [:])
            #expect(accepted.status == .ok, "\(accepted.body)")
            var rows = try await OutboxRecord.query(on: app.db).sort(\.$createdAt).all().dropFirst(before)
            #expect(rows.count == 3)
            #expect(rows.contains { $0.subject == "王芳 accepted “Mock-ups” (小程序商城)" })

            let other = try await world.client.json(
                .POST, "/api/v1/milestones/\(world.visibleMilestone)/deliverables", token: world.ownerToken, body: ["name": "Logo"])
            let otherID = try #require(other.string("id"))
            _ = try await world.client.json(.POST, "/api/v1/deliverables/\(otherID)/submit", token: world.ownerToken, body: [:])
            let middle = try await OutboxRecord.query(on: app.db).count()
            let returned = try await world.client.json(
                .POST, "/api/v1/deliverables/\(otherID)/return", token: approver, body: ["comment": "colours are off"])
            #expect(returned.status == .ok, "\(returned.body)")
            rows = try await OutboxRecord.query(on: app.db).sort(\.$createdAt).all().dropFirst(middle)
            #expect(rows.count == 3)
            #expect(rows.allSatisfy { $0.body.contains("colours are off") })

            // A refused decision queues nothing: the notice lives in the decision's transaction.
            let again = try await world.client.json(.POST, "/api/v1/deliverables/\(otherID)/return", token: approver, body: ["comment": "again"])
            #expect(again.status == .conflict)
            #expect(try await OutboxRecord.query(on: app.db).count() == middle + 3)
        }
    }
}
