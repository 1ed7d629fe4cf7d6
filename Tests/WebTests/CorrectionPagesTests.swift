import Domain
import Foundation
import Persistence
import Testing
import TestSupport
@testable import Web

/// The edit and remove pages: forms that keep what was typed, the far-date confirmation, the confirm step of removals.
@Suite struct CorrectionPagesTests {
    private func owner(_ world: World) async throws -> (cookies: [String: String], csrf: String) {
        let session = try #require(await world.session(.owner))
        return (["tandem_session": session.token], session.csrf)
    }

    @Test func aMilestoneEditFormShowsTheStoredValuesAndARefusedOneKeepsTheInput() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            let (cookies, csrf) = try await owner(world)
            let path = "/milestones/\(world.visibleMilestone)/edit"
            // when
            let form = try await world.client.page(.GET, path, cookies: cookies)
            let refused = try await world.client.page(
                .POST, path, cookies: cookies,
                form: ["_csrf": csrf, "name": "Design approved", "dueDate": "2026-02-30", "visibleToCustomer": "true"])
            // then
            #expect(form.status == .ok)
            #expect(form.body.contains("id=\"edit-milestone\""))
            #expect(form.body.contains("value=\"Design sign-off\""))
            #expect(form.body.contains("value=\"2026-12-20\""))
            #expect(refused.status == .badRequest)
            #expect(refused.body.contains("value=\"Design approved\""))
            #expect(refused.body.contains("value=\"2026-02-30\""))
            #expect(refused.body.contains("class=\"field-error\""))
            #expect(try await MilestoneRecord.find(world.visibleMilestone, on: app.db)?.name == "Design sign-off")
        }
    }

    @Test func aFarOffDateOnTheEditFormOffersSaveAnywayWithTheValues() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let (cookies, csrf) = try await owner(world)
            let path = "/milestones/\(world.visibleMilestone)/edit"
            let fields = ["_csrf": csrf, "name": "Design sign-off", "dueDate": "2020-12-20", "visibleToCustomer": "true"]
            let asked = try await world.client.page(.POST, path, cookies: cookies, form: fields)
            #expect(asked.status == .conflict)
            #expect(asked.body.contains("id=\"edit-milestone-confirm\""))
            #expect(asked.body.contains("value=\"2020-12-20\""))
            #expect(try await MilestoneRecord.find(world.visibleMilestone, on: app.db)?.dueDate == "2026-12-20")
            let saved = try await world.client.page(.POST, path, cookies: cookies, form: fields.merging(["confirm": "true"]) { $1 })
            #expect(saved.status == .seeOther)
            #expect(try await MilestoneRecord.find(world.visibleMilestone, on: app.db)?.dueDate == "2020-12-20")
        }
    }

    @Test func aNewWorkItemWithAFarOffDateIsAskedAgainCarryingEveryValue() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let (cookies, csrf) = try await owner(world)
            let path = "/projects/\(world.projectA)/work-items"
            let fields = ["_csrf": csrf, "title": "Launch party", "startDate": "2026-12-01", "dueDate": "2030-01-01", "visibleToCustomer": "on"]
            let asked = try await world.client.page(.POST, path, cookies: cookies, form: fields)
            #expect(asked.status == .conflict)
            #expect(asked.body.contains("id=\"confirm-form\""))
            #expect(asked.body.contains("name=\"title\" value=\"Launch party\""))
            #expect(asked.body.contains("name=\"confirm\" value=\"true\""))
            let saved = try await world.client.page(.POST, path, cookies: cookies, form: fields.merging(["confirm": "true"]) { $1 })
            #expect(saved.status == .seeOther)
            let items = try await PlanStore.workItems(projectID: world.projectA, on: app.db)
            #expect(items.contains { $0.title == "Launch party" && $0.dueDate.description == "2030-01-01" })
        }
    }

    @Test func removingAWorkItemHasAConfirmStepAndARefusalSaysWhy() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            let (cookies, csrf) = try await owner(world)
            _ = try await world.client.json(
                .POST, "/api/v1/projects/\(world.projectA)/work-items", token: world.ownerToken,
                body: [
                    "title": "Build", "startDate": "2026-12-07", "dueDate": "2026-12-09", "dependsOn": [world.visibleItem.uuidString],
                    "visibleToCustomer": true,
                ])
            // when
            let step = try await world.client.page(.GET, "/work-items/\(world.hiddenItem)/remove", cookies: cookies)
            let removed = try await world.client.page(.POST, "/work-items/\(world.hiddenItem)/remove", cookies: cookies, form: ["_csrf": csrf])
            let refused = try await world.client.page(.POST, "/work-items/\(world.visibleItem)/remove", cookies: cookies, form: ["_csrf": csrf])
            // then
            #expect(step.status == .ok)
            #expect(step.body.contains("id=\"remove-work-item\""))
            #expect(removed.status == .seeOther)
            #expect(try await WorkItemRecord.find(world.hiddenItem, on: app.db) == nil)
            #expect(refused.status == .conflict)
            #expect(refused.body.contains("Build"))
            #expect(try await WorkItemRecord.find(world.visibleItem, on: app.db) != nil)
        }
    }

    @Test func theWorkItemEditFormSetsEstimateMilestoneVisibilityAndKey() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let (cookies, csrf) = try await owner(world)
            let saved = try await world.client.page(
                .POST, "/work-items/\(world.visibleItem)/edit", cookies: cookies,
                form: [
                    "_csrf": csrf, "title": "Design", "startDate": "2026-12-01", "dueDate": "2026-12-05", "estimateHours": "6",
                    "milestoneId": world.visibleMilestone.uuidString, "visibleToCustomer": "false", "isKey": "true", "status": "todo",
                ])
            #expect(saved.status == .seeOther)
            let item = try #require(try await WorkItemRecord.find(world.visibleItem, on: app.db))
            #expect(item.estimateHours == 6)
            #expect(item.milestoneID == world.visibleMilestone)
            #expect(!item.visibleToCustomer)
            #expect(item.isKey)
        }
    }

    @Test func theProjectEditFormChangesStatusAndRefusesToArchiveAnOpenProjectKeepingTheInput() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let (cookies, csrf) = try await owner(world)
            let path = "/projects/\(world.projectA)/edit"
            let onHold = try await world.client.page(.POST, path, cookies: cookies, form: ["_csrf": csrf, "status": "on_hold", "archived": "false"])
            #expect(onHold.status == .seeOther)
            #expect(try await ProjectRecord.find(world.projectA, on: app.db)?.status == .onHold)
            let refused = try await world.client.page(
                .POST, path, cookies: cookies, form: ["_csrf": csrf, "name": "Shop v2", "status": "on_hold", "archived": "true"])
            #expect(refused.status == .conflict)
            #expect(refused.body.contains("value=\"Shop v2\""))
            #expect(refused.body.contains("form-error"))
            let project = try #require(try await ProjectRecord.find(world.projectA, on: app.db))
            #expect(project.name == "小程序商城" && !project.archived)
            let page = try await world.client.page(.GET, "/projects/\(world.projectA)", cookies: cookies)
            #expect(page.body.contains("On hold"))
            #expect(page.body.contains("id=\"edit-project-link\""))
        }
    }

    @Test func removingAContactFromTheCustomerPageDeactivatesOneOnTheRecord() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let (cookies, csrf) = try await owner(world)
            let approver = try #require(await world.token(.approverA))
            _ = try await world.client.json(.POST, "/api/v1/deliverables/\(world.visibleDeliverable)/accept", token: approver)
            let step = try await world.client.page(.GET, "/contacts/\(world.ids[.approverA]!)/remove", cookies: cookies)
            #expect(step.status == .ok)
            #expect(step.body.contains("id=\"remove-contact\""))
            let removed = try await world.client.page(.POST, "/contacts/\(world.ids[.approverA]!)/remove", cookies: cookies, form: ["_csrf": csrf])
            #expect(removed.status == .seeOther)
            let page = try await world.client.page(.GET, "/customers/\(world.customerA)", cookies: cookies)
            #expect(page.body.contains("Deactivated"))
            #expect(try await world.client.json(.GET, "/api/v1/me", token: approver).status == .unauthorized)
        }
    }
}
