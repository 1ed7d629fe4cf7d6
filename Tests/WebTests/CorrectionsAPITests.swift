import Domain
import Fluent
import Foundation
import Persistence
import Testing
import TestSupport
import Vapor
@testable import Web

/// Editing and removing through `/api/v1`: what is allowed, what is refused (writing nothing), and the history.
@Suite struct CorrectionsAPITests {
    private func auditCount(_ app: Application) async throws -> Int { try await AuditLog.count(on: app.db) }

    private func revision(_ app: Application, _ project: UUID) async throws -> Int {
        try await ProjectRecord.find(project, on: app.db)?.planRevision ?? -1
    }

    private func actions(_ app: Application, _ project: UUID) async throws -> [String] {
        try await AuditLog.projectEntries(project, offset: 0, limit: 100, on: app.db).map(\.action)
    }

    @Test func aManagerCorrectsACustomerAndAContactAndNullClearsOptionalFields() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            let manager = try #require(await world.token(.manager))
            let contact = world.ids[.viewerA]!
            // when
            let customer = try await world.client.json(
                .PATCH, "/api/v1/customers/\(world.customerA)", token: manager, body: ["name": "茶舍 Tea House", "notes": "VIP"])
            let patched = try await world.client.json(
                .PATCH, "/api/v1/contacts/\(contact)", token: manager,
                raw: #"{"name": "李雷 (Lei)", "phone": "+86 138", "preferredChannel": "wechat", "language": "en"}"#)
            let cleared = try await world.client.json(.PATCH, "/api/v1/contacts/\(contact)", token: manager, raw: #"{"phone": null}"#)
            // then
            #expect(customer.status == .ok)
            #expect(customer.string("name") == "茶舍 Tea House")
            #expect(customer.string("notes") == "VIP")
            #expect(patched.status == .ok)
            #expect(patched.string("name") == "李雷 (Lei)")
            #expect(patched.string("preferredChannel") == "wechat")
            #expect(patched.string("language") == "en")
            #expect(cleared.json["phone"] == nil || cleared.json["phone"] is NSNull)
            #expect(cleared.string("name") == "李雷 (Lei)")
            #expect(cleared.json["active"] as? Bool == true)
        }
    }

    @Test func aContactsAddressStaysUniqueInTheWorkspace() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let reply = try await world.client.json(
                .PATCH, "/api/v1/contacts/\(world.ids[.viewerA]!)", token: world.ownerToken, body: ["email": "WANG@tea.test"])
            #expect(reply.status == .badRequest)
            #expect(reply.errorField == "email")
        }
    }

    @Test func aTeamMemberCannotCorrectCustomersOrContactsAndContactsCannotEditAnything() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            let member = try #require(await world.token(.member))
            let approver = try #require(await world.token(.approverA))
            let before = try await auditCount(app)
            // when / then
            #expect(
                try await world.client.json(.PATCH, "/api/v1/customers/\(world.customerA)", token: member, body: ["name": "X"]).status == .forbidden)
            #expect(try await world.client.json(.DELETE, "/api/v1/contacts/\(world.ids[.viewerA]!)", token: member).status == .forbidden)
            #expect(
                try await world.client.json(.PATCH, "/api/v1/contacts/\(world.ids[.viewerA]!)", token: approver, body: ["name": "X"]).status
                    == .forbidden)
            #expect(
                try await world.client.json(.PATCH, "/api/v1/milestones/\(world.visibleMilestone)", token: approver, body: ["name": "X"]).status
                    == .forbidden)
            #expect(try await world.client.json(.DELETE, "/api/v1/milestones/\(world.hiddenMilestone)", token: approver).status == .notFound)
            #expect(try await world.client.json(.DELETE, "/api/v1/work-items/\(world.visibleItem)", token: approver).status == .forbidden)
            #expect(try await world.client.json(.DELETE, "/api/v1/work-items/\(world.hiddenItem)", token: approver).status == .notFound)
            #expect(
                try await world.client.json(.PATCH, "/api/v1/projects/\(world.projectA)", token: approver, body: ["status": "closed"]).status
                    == .forbidden)
            // nothing changed
            let milestone = try #require(try await MilestoneRecord.find(world.visibleMilestone, on: app.db))
            #expect(milestone.name == "Design sign-off")
            #expect(try await WorkItemRecord.find(world.visibleItem, on: app.db) != nil)
            #expect(try await auditCount(app) == before)
        }
    }

    @Test func aContactOfAnotherWorkspaceIsNotFound() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let reply = try await world.client.json(.PATCH, "/api/v1/contacts/\(UUID())", token: world.ownerToken, body: ["name": "X"])
            #expect(reply.status == .notFound)
        }
    }

    @Test func removingAContactWhoDecidedNothingDeletesThemAndTheirSessions() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            let viewer = world.ids[.viewerA]!
            let token = try #require(await world.token(.viewerA))
            // when
            let reply = try await world.client.json(.DELETE, "/api/v1/contacts/\(viewer)", token: world.ownerToken)
            // then
            #expect(reply.status == .noContent)
            #expect(try await ContactRecord.find(viewer, on: app.db) == nil)
            #expect(try await world.client.json(.GET, "/api/v1/me", token: token).status == .unauthorized)
            #expect(try await actions(app, world.projectA).contains(HistoryAction.contactDeleted))
        }
    }

    @Test func removingAContactWhoAcceptedSomethingDeactivatesThemAndKillsTheirSessionsAtOnce() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            let approver = world.ids[.approverA]!
            let token = try #require(await world.token(.approverA))
            let session = try #require(await world.session(.approverA))
            let accepted = try await world.client.json(.POST, "/api/v1/deliverables/\(world.visibleDeliverable)/accept", token: token)
            #expect(accepted.status == .ok)
            let portal = "/portal/projects/\(world.projectA)"
            #expect(try await world.client.page(.GET, portal, cookies: ["tandem_session": session.token]).status == .ok)
            // when
            let reply = try await world.client.json(.DELETE, "/api/v1/contacts/\(approver)", token: world.ownerToken)
            // then
            #expect(reply.status == .ok)
            #expect(reply.json["active"] as? Bool == false)
            #expect(try await world.client.json(.GET, "/api/v1/me", token: token).status == .unauthorized)
            let page = try await world.client.page(.GET, portal, cookies: ["tandem_session": session.token])
            #expect(page.status == .seeOther)
            #expect(page.location?.hasPrefix("/portal/sign-in") == true)
            // still on the record, and cannot be invited again
            let deliverable = try await world.client.json(.GET, "/api/v1/projects/\(world.projectA)/milestones", token: world.ownerToken)
            #expect(deliverable.body.contains("王芳"))
            let invite = try await world.client.json(
                .POST, "/api/v1/projects/\(world.projectA)/invitations", token: world.ownerToken,
                body: ["contactId": approver.uuidString, "canApprove": true])
            #expect(invite.status == .conflict)
            #expect(try await actions(app, world.projectA).last == HistoryAction.contactDeactivated)
        }
    }

    @Test func aMilestoneIsCorrectedAndItsDueDateMovesThePlan() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let before = try await revision(app, world.projectA)
            let reply = try await world.client.json(
                .PATCH, "/api/v1/milestones/\(world.visibleMilestone)", token: world.ownerToken,
                raw: #"{"name": "Design approved", "dueDate": "2026-12-22", "description": "Both screens", "visibleToCustomer": false}"#)
            #expect(reply.status == .ok)
            #expect(reply.string("name") == "Design approved")
            #expect(reply.string("dueDate") == "2026-12-22")
            #expect(reply.json["visibleToCustomer"] as? Bool == false)
            #expect((reply.json["deliverables"] as? [Any])?.count == 1)
            #expect(try await revision(app, world.projectA) > before)
            let bad = try await world.client.json(
                .PATCH, "/api/v1/milestones/\(world.visibleMilestone)", token: world.ownerToken, body: ["dueDate": "2026-02-30"])
            #expect(bad.status == .badRequest)
            #expect(bad.errorField == "dueDate")
        }
    }

    @Test func aFarOffDateAsksForConfirmationAndIsSavedOnceConfirmed() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            let path = "/api/v1/milestones/\(world.visibleMilestone)"
            // when
            let asked = try await world.client.json(.PATCH, path, token: world.ownerToken, body: ["dueDate": "2020-12-20"])
            let item = try await world.client.json(
                .POST, "/api/v1/projects/\(world.projectA)/work-items", token: world.ownerToken,
                body: ["title": "Typo", "startDate": "2026-12-01", "dueDate": "2036-12-05", "dependsOn": [String](), "visibleToCustomer": true])
            // then
            #expect(asked.status == .conflict)
            #expect(asked.errorCode == "confirmation_required")
            #expect(asked.errorField == "dueDate")
            #expect(try await MilestoneRecord.find(world.visibleMilestone, on: app.db)?.dueDate == "2026-12-20")
            #expect(item.status == .conflict)
            #expect(item.errorField == "dueDate")
            let confirmed = try await world.client.json(.PATCH, path, token: world.ownerToken, body: ["dueDate": "2020-12-20", "confirm": true])
            #expect(confirmed.status == .ok)
            #expect(confirmed.string("dueDate") == "2020-12-20")
        }
    }

    @Test func anAcceptedOrReturnedDeliverableCannotBeChangedButASubmittedOneCan() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let approver = try #require(await world.token(.approverA))
            let path = "/api/v1/deliverables/\(world.visibleDeliverable)"
            let renamed = try await world.client.json(
                .PATCH, path, token: world.ownerToken, body: ["name": "Mock-ups v2", "acceptanceCriteria": "Both screens"])
            #expect(renamed.status == .ok)
            #expect(renamed.string("name") == "Mock-ups v2")
            #expect(renamed.string("acceptanceCriteria") == "Both screens")
            _ = try await world.client.json(.POST, path + "/accept", token: approver)
            let refused = try await world.client.json(.PATCH, path, token: world.ownerToken, body: ["name": "Sneaky"])
            #expect(refused.status == .conflict)
            #expect(try await DeliverableRecord.find(world.visibleDeliverable, on: app.db)?.name == "Mock-ups v2")
        }
    }

    @Test func refusedRemovalsWriteNothing() async throws {
        try await withTestApp { app, _ in
            // given: a submitted deliverable under each milestone; an item another depends on
            let world = try await World.make(app)
            let dependent = try await world.client.json(
                .POST, "/api/v1/projects/\(world.projectA)/work-items", token: world.ownerToken,
                body: [
                    "title": "Build", "startDate": "2026-12-07", "dueDate": "2026-12-09", "dependsOn": [world.visibleItem.uuidString],
                    "visibleToCustomer": true,
                ])
            #expect(dependent.status == .created)
            let audit = try await auditCount(app)
            let revisionBefore = try await revision(app, world.projectA)
            // when
            let milestone = try await world.client.json(.DELETE, "/api/v1/milestones/\(world.visibleMilestone)", token: world.ownerToken)
            let deliverable = try await world.client.json(.DELETE, "/api/v1/deliverables/\(world.visibleDeliverable)", token: world.ownerToken)
            let item = try await world.client.json(.DELETE, "/api/v1/work-items/\(world.visibleItem)", token: world.ownerToken)
            // then
            #expect(milestone.status == .conflict)
            #expect(milestone.body.contains("submitted"))
            #expect(deliverable.status == .conflict)
            #expect(item.status == .conflict)
            #expect(item.body.contains("Build"))
            #expect(try await MilestoneRecord.find(world.visibleMilestone, on: app.db) != nil)
            #expect(try await DeliverableRecord.find(world.visibleDeliverable, on: app.db) != nil)
            #expect(try await WorkItemRecord.find(world.visibleItem, on: app.db) != nil)
            #expect(try await auditCount(app) == audit)
            #expect(try await revision(app, world.projectA) == revisionBefore)
        }
    }

    @Test func removingAMilestoneTakesItsOpenDeliverablesAndDetachesItsWorkItems() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            let milestone = try #require(
                try await world.client.json(
                    .POST, "/api/v1/projects/\(world.projectA)/milestones", token: world.ownerToken,
                    body: ["name": "Beta", "dueDate": "2026-12-24", "visibleToCustomer": true]
                ).string("id"))
            let deliverable = try #require(
                try await world.client.json(.POST, "/api/v1/milestones/\(milestone)/deliverables", token: world.ownerToken, body: ["name": "Build"])
                    .string("id"))
            let item = try await world.client.json(
                .PATCH, "/api/v1/work-items/\(world.visibleItem)", token: world.ownerToken, body: ["milestoneId": milestone])
            #expect(item.string("milestoneId") == milestone)
            // when
            let reply = try await world.client.json(.DELETE, "/api/v1/milestones/\(milestone)", token: world.ownerToken)
            // then
            #expect(reply.status == .noContent)
            #expect(try await DeliverableRecord.find(UUID(uuidString: deliverable)!, on: app.db) == nil)
            let detached = try await world.client.json(.GET, "/api/v1/work-items/\(world.visibleItem)", token: world.ownerToken)
            #expect(detached.status == .ok)
            #expect(detached.string("milestoneId") == nil)
            let entries = try await AuditLog.projectEntries(world.projectA, offset: 0, limit: 100, on: app.db)
            let last = try #require(entries.last)
            #expect(last.action == HistoryAction.milestoneDeleted)
            #expect(last.objectType == "milestone")
            #expect(last.objectID.uuidString.lowercased() == milestone.lowercased())
            #expect(last.actor == HistoryAction.memberActor(world.ids[.owner]!))
        }
    }

    @Test func removingAWorkItemAndAnOpenDeliverableIsRecorded() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let deliverable = try #require(
                try await world.client.json(
                    .POST, "/api/v1/milestones/\(world.visibleMilestone)/deliverables", token: world.ownerToken, body: ["name": "Extra"]
                ).string("id"))
            let removedItem = try await world.client.json(.DELETE, "/api/v1/work-items/\(world.hiddenItem)", token: world.ownerToken)
            let removedDeliverable = try await world.client.json(.DELETE, "/api/v1/deliverables/\(deliverable)", token: world.ownerToken)
            #expect(removedItem.status == .noContent)
            #expect(removedDeliverable.status == .noContent)
            #expect(try await world.client.json(.GET, "/api/v1/work-items/\(world.hiddenItem)", token: world.ownerToken).status == .notFound)
            #expect(try await actions(app, world.projectA).suffix(2) == [HistoryAction.workItemDeleted, HistoryAction.deliverableDeleted])
        }
    }

    @Test func aWorkItemPatchCoversEveryFieldAndNullClears() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let path = "/api/v1/work-items/\(world.visibleItem)"
            let set = try await world.client.json(
                .PATCH, path, token: world.ownerToken,
                body: [
                    "title": "Design v2", "estimateHours": 12.5, "assigneeId": world.ids[.member]!.uuidString,
                    "milestoneId": world.visibleMilestone.uuidString, "visibleToCustomer": false, "isKey": true,
                ])
            #expect(set.status == .ok)
            #expect(set.string("title") == "Design v2")
            #expect(set.json["estimateHours"] as? Double == 12.5)
            #expect(set.json["isKey"] as? Bool == true)
            #expect(set.json["visibleToCustomer"] as? Bool == false)
            let cleared = try await world.client.json(
                .PATCH, path, token: world.ownerToken, raw: #"{"estimateHours": null, "assigneeId": null, "milestoneId": null}"#)
            #expect(cleared.status == .ok)
            #expect(cleared.json["estimateHours"] as? Double == nil)
            #expect(cleared.string("assigneeId") == nil)
            #expect(cleared.string("milestoneId") == nil)
            #expect(cleared.string("title") == "Design v2")
        }
    }
}
