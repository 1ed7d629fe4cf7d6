import Domain
import Fluent
import Foundation
import Persistence
import Testing
import TestSupport
import Vapor
@testable import Web

/// Reading a re-shown form out of a page.
enum RefusedForms {
    /// The words a person reads in the error summary and the field messages (markup stripped).
    static func errorTexts(_ body: String) -> String {
        let parts = body.matches(of: #/<section class="card error form-errors"[\s\S]*?</section>|<p class="field-error"[\s\S]*?</p>/#).map {
            String($0.output)
        }
        return parts.joined(separator: "\n").replacing(#/<[^>]*>/#, with: "")
    }

    /// The field message right after the field with `id` (inside the same `div.field`), as plain text.
    static func message(after id: String, in body: String) -> String? {
        guard let start = body.range(of: "id=\"\(id)\""), let error = body.range(of: "id=\"\(id)-error\"", range: start.upperBound..<body.endIndex)
        else { return nil }
        let rest = body[error.upperBound...].drop { $0 != ">" }.dropFirst()
        guard let end = rest.range(of: "</p>") else { return nil }
        return String(rest[..<end.lowerBound]).replacing(#/<[^>]*>/#, with: "").trimmingCharacters(in: .whitespaces)
    }

    /// The opening tag of the element with `id`.
    static func tag(_ id: String, in body: String) -> String? {
        guard let at = body.range(of: "id=\"\(id)\"") else { return nil }
        let open = body[..<at.lowerBound].lastIndex(of: "<") ?? at.lowerBound
        let close = body[at.upperBound...].firstIndex(of: ">") ?? body.endIndex
        return String(body[open..<close])
    }
}

/// A refused page form comes back as the same form: 400, the typed values kept, the message next to the right
/// field in the viewer's language, and nothing written.
@Suite struct RefusedFormTests {
    func chinese(_ world: World, _ session: (token: String, csrf: String)) async throws {
        _ = try await world.client.page(
            .POST, "/settings/language", cookies: ["tandem_session": session.token], form: ["language": "zh-Hans", "_csrf": session.csrf])
    }

    @Test func aMilestoneWithAnImpossibleDateComesBackWithItsNameInEnglish() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            let session = try #require(try await world.session(.owner))
            let before = try await MilestoneRecord.query(on: app.db).count()
            // when
            let reply = try await world.client.page(
                .POST, "/projects/\(world.projectA)/milestones", cookies: ["tandem_session": session.token],
                form: ["_csrf": session.csrf, "name": "Launch <beta>", "dueDate": "2026-02-30", "description": "first cut"])
            // then the project page again, with the form open and what was typed
            #expect(reply.status == .badRequest)
            #expect(reply.body.contains("id=\"new-milestone\""))
            #expect(try #require(RefusedForms.tag("new-milestone-name", in: reply.body)).contains("value=\"Launch &lt;beta&gt;\""))
            #expect(try #require(RefusedForms.tag("new-milestone-dueDate", in: reply.body)).contains("value=\"2026-02-30\""))
            #expect(reply.body.contains(">first cut</textarea>"))
            let dueTag = try #require(RefusedForms.tag("new-milestone-dueDate", in: reply.body))
            #expect(dueTag.contains("aria-invalid=\"true\"") && dueTag.contains("aria-describedby=\"new-milestone-dueDate-error\""))
            #expect(RefusedForms.message(after: "new-milestone-dueDate", in: reply.body) == "⚠ Must be a real date between 1970 and 9999")
            #expect(!(RefusedForms.tag("new-milestone-name", in: reply.body) ?? "").contains("aria-invalid"))
            #expect(RefusedForms.errorTexts(reply.body).contains("Due: must be a real date"))
            // an unticked box stays unticked
            #expect(!(RefusedForms.tag("new-milestone-visibleToCustomer", in: reply.body) ?? "checked").contains("checked"))
            #expect(try await MilestoneRecord.query(on: app.db).count() == before)
        }
    }

    @Test func aWorkItemDueBeforeItsStartComesBackInChinese() async throws {
        try await withTestApp { app, _ in
            // given a Chinese-speaking member
            let world = try await World.make(app)
            let session = try #require(try await world.session(.owner))
            try await chinese(world, session)
            let before = try await WorkItemRecord.query(on: app.db).count()
            // when
            let reply = try await world.client.page(
                .POST, "/projects/\(world.projectA)/work-items", cookies: ["tandem_session": session.token],
                form: [
                    "_csrf": session.csrf, "title": "排期", "startDate": "2026-12-10", "dueDate": "2026-12-01", "estimateHours": "6",
                    "isKey": "on", "milestoneId": world.visibleMilestone.uuidString,
                ])
            // then
            #expect(reply.status == .badRequest)
            #expect(try #require(RefusedForms.tag("new-work-item-title", in: reply.body)).contains("value=\"排期\""))
            #expect(try #require(RefusedForms.tag("new-work-item-startDate", in: reply.body)).contains("value=\"2026-12-10\""))
            #expect(try #require(RefusedForms.tag("new-work-item-estimateHours", in: reply.body)).contains("value=\"6\""))
            #expect(try #require(RefusedForms.tag("new-work-item-isKey", in: reply.body)).contains("checked"))
            #expect(reply.body.contains("<option value=\"\(world.visibleMilestone.uuidString)\" selected>"))
            #expect(RefusedForms.message(after: "new-work-item-dueDate", in: reply.body) == "⚠ 截止日期早于开始日期")
            #expect(!(RefusedForms.tag("new-work-item-startDate", in: reply.body) ?? "").contains("aria-invalid"))
            #expect(reply.body.contains("尚未保存"))
            #expect(try await WorkItemRecord.query(on: app.db).count() == before)
        }
    }

    @Test func aContactWithABadAddressKeepsNameAndPhoneInBothLanguages() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let session = try #require(try await world.session(.owner))
            let before = try await ContactRecord.query(on: app.db).count()
            func post() async throws -> Reply {
                try await world.client.page(
                    .POST, "/customers/\(world.customerB)/contacts", cookies: ["tandem_session": session.token],
                    form: ["_csrf": session.csrf, "name": "Ben", "email": "ben-at-bikes", "phone": "+49 30 1234", "language": "en"])
            }
            // in English
            let english = try await post()
            #expect(english.status == .badRequest)
            #expect(try #require(RefusedForms.tag("new-contact-name", in: english.body)).contains("value=\"Ben\""))
            #expect(try #require(RefusedForms.tag("new-contact-phone", in: english.body)).contains("value=\"+49 30 1234\""))
            #expect(try #require(RefusedForms.tag("new-contact-email", in: english.body)).contains("value=\"ben-at-bikes\""))
            #expect(RefusedForms.message(after: "new-contact-email", in: english.body) == "⚠ Must be an e-mail address")
            #expect(RefusedForms.errorTexts(english.body).contains("E-mail: must be an e-mail address"))
            // and in Chinese
            try await chinese(world, session)
            let chinese = try await post()
            #expect(chinese.status == .badRequest)
            #expect(RefusedForms.message(after: "new-contact-email", in: chinese.body) == "⚠ 请填写有效的电子邮箱地址")
            #expect(RefusedForms.errorTexts(chinese.body).contains("电子邮箱：请填写有效的电子邮箱地址"))
            #expect(try await ContactRecord.query(on: app.db).count() == before)
        }
    }

    @Test func aProjectWithABadBudgetKeepsEverythingElse() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let session = try #require(try await world.session(.owner))
            let before = try await ProjectRecord.query(on: app.db).count()
            let reply = try await world.client.page(
                .POST, "/projects", cookies: ["tandem_session": session.token],
                form: [
                    "_csrf": session.csrf, "customerId": world.customerB.uuidString, "name": "Shop", "goals": "Launch\nMembers",
                    "startDate": "2026-12-01", "timeZone": "Europe/Berlin", "currency": "EUR", "budget": "lots",
                ])
            #expect(reply.status == .badRequest)
            #expect(reply.body.contains("<option value=\"\(world.customerB.uuidString)\" selected>"))
            #expect(try #require(RefusedForms.tag("new-project-timeZone", in: reply.body)).contains("value=\"Europe/Berlin\""))
            #expect(reply.body.contains(">Launch\nMembers</textarea>"))
            #expect(RefusedForms.message(after: "new-project-budget", in: reply.body) == "⚠ Must be an amount such as 12000 or 12000.50")
            #expect(try await ProjectRecord.query(on: app.db).count() == before)
        }
    }

    @Test func aCalendarWithABadLineKeepsTheTextAsTyped() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let session = try #require(try await world.session(.owner))
            try await chinese(world, session)
            let reply = try await world.client.page(
                .POST, "/projects/\(world.projectA)/calendar", cookies: ["tandem_session": session.token],
                form: ["_csrf": session.csrf, "nonWorkingDates": "2026-10-01\n2026-10-32", "workingDates": "2026-09-27"])
            #expect(reply.status == .badRequest)
            #expect(reply.body.contains(">2026-10-01\n2026-10-32</textarea>"))
            #expect(reply.body.contains(">2026-09-27</textarea>"))
            #expect(RefusedForms.message(after: "working-calendar-nonWorkingDates", in: reply.body) == "⚠ 请填写 1970 至 9999 年之间的真实日期")
            let page = try await world.client.page(.GET, "/projects/\(world.projectA)", cookies: ["tandem_session": session.token])
            #expect(!page.body.contains("2026-09-27"))
        }
    }

    @Test func aWorkItemEditDueBeforeItsStartComesBackOnItsOwnPage() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let session = try #require(try await world.session(.owner))
            let reply = try await world.client.page(
                .POST, "/work-items/\(world.visibleItem)/edit", cookies: ["tandem_session": session.token],
                form: [
                    "_csrf": session.csrf, "title": "Design again", "startDate": "2026-12-10", "dueDate": "2026-12-09", "progress": "40",
                    "status": "doing",
                ])
            #expect(reply.status == .badRequest)
            #expect(reply.body.contains("id=\"edit-work-item\""))
            #expect(try #require(RefusedForms.tag("edit-work-item-dueDate", in: reply.body)).contains("value=\"2026-12-09\""))
            #expect(try #require(RefusedForms.tag("edit-work-item-progress", in: reply.body)).contains("value=\"40\""))
            #expect(reply.body.contains("<option value=\"doing\" selected>"))
            #expect(try #require(RefusedForms.tag("edit-work-item-title", in: reply.body)).contains("value=\"Design again\""))
            #expect(RefusedForms.message(after: "edit-work-item-dueDate", in: reply.body) == "⚠ The due date is before the start date")
            let stored = try #require(try await WorkItemRecord.find(world.visibleItem, on: app.db))
            #expect(stored.title == "Design" && stored.progress != 40)
        }
    }

    @Test func aReturnWithoutAReasonComesBackToTheCustomerInChinese() async throws {
        try await withTestApp { app, _ in
            // given a submitted deliverable and the approving contact (Chinese, like their customer)
            let world = try await World.make(app)
            #expect(try await DeliverableRecord.find(world.visibleDeliverable, on: app.db)?.status == .submitted)
            let contact = try #require(try await world.session(.approverA))
            // when the return is sent with an empty reason
            let reply = try await world.client.page(
                .POST, "/portal/deliverables/\(world.visibleDeliverable)/return", cookies: ["tandem_session": contact.token],
                form: ["_csrf": contact.csrf, "comment": "   "])
            // then the portal page again, the message next to the reason
            #expect(reply.status == .badRequest)
            let id = "return-\(world.visibleDeliverable.uuidString)-comment"
            #expect(RefusedForms.message(after: id, in: reply.body) == "⚠ 退回交付物时，请说明需要修改的地方")
            #expect(try #require(RefusedForms.tag(id, in: reply.body)).contains("aria-invalid=\"true\""))
            #expect(!reply.body.contains("Code review notes"))
            let stored = try #require(try await DeliverableRecord.find(world.visibleDeliverable, on: app.db))
            #expect(stored.status == .submitted)
        }
    }

    @Test func setupKeepsEverythingButThePassword() async throws {
        try await withTestApp { app, _ in
            let client = TestClient(app)
            let form = try await client.page(.GET, "/setup", headers: [("Accept-Language", "zh-CN")])
            let cookie = try #require(form.cookie("tandem_csrf"))
            let reply = try await client.page(
                .POST, "/setup", cookies: ["tandem_csrf": cookie],
                form: [
                    "_csrf": cookie, "workspaceName": "山间工作室", "name": "林", "email": "lin@studio.test", "password": "short",
                    "language": "zh-Hans",
                ], headers: [("Accept-Language", "zh-CN")])
            #expect(reply.status == .badRequest)
            #expect(try #require(RefusedForms.tag("setup-form-workspaceName", in: reply.body)).contains("value=\"山间工作室\""))
            #expect(try #require(RefusedForms.tag("setup-form-email", in: reply.body)).contains("value=\"lin@studio.test\""))
            #expect(!reply.body.contains("short"))
            #expect(RefusedForms.message(after: "setup-form-password", in: reply.body) == "⚠ 至少需要 8 个字符")
            #expect(try await MemberRecord.query(on: app.db).count() == 0)
        }
    }

    @Test func aRefusalOtherThanBadInputIsStillAnErrorPage() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let session = try #require(try await world.session(.owner))
            let reply = try await world.client.page(
                .POST, "/projects/\(world.projectB)/milestones", cookies: ["tandem_session": session.token],
                form: ["_csrf": "wrong", "name": "x", "dueDate": "2026-12-01"])
            #expect(reply.status != .ok && reply.status != .seeOther)
            #expect(!reply.body.contains("id=\"new-milestone-name\""))
        }
    }

    @Test func theSmallerProjectFormsKeepTheirInputToo() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            let session = try #require(try await world.session(.owner))
            func post(_ path: String, _ form: [String: String]) async throws -> Reply {
                try await world.client.page(
                    .POST, path, cookies: ["tandem_session": session.token], form: form.merging(["_csrf": session.csrf]) { $1 })
            }
            let versions = try await ScopeVersionRecord.query(on: app.db).count()
            let deliverables = try await DeliverableRecord.query(on: app.db).count()
            let baselines = try await BaselineRecord.query(on: app.db).count()
            // a scope with nothing in it: the sentence stands alone next to the in-scope list, the notes are kept
            let scope = try await post("/projects/\(world.projectA)/scope-versions", ["goals": "", "inScope": "", "notes": "call Tuesday"])
            #expect(scope.status == .badRequest)
            #expect(RefusedForms.message(after: "new-scope-inScope", in: scope.body) == "⚠ Write down at least one goal or in-scope item")
            #expect(scope.body.contains(">call Tuesday</textarea>"))
            // a deliverable without a name, under its own milestone
            let key = "new-deliverable-\(world.visibleMilestone.uuidString)"
            let deliverable = try await post(
                "/milestones/\(world.visibleMilestone)/deliverables", ["name": "", "acceptanceCriteria": "loads in 2 s"])
            #expect(deliverable.status == .badRequest)
            #expect(RefusedForms.message(after: "\(key)-name", in: deliverable.body) == "⚠ Must not be empty")
            #expect(deliverable.body.contains(">loads in 2 s</textarea>"))
            #expect(deliverable.body.contains("<details open><summary>"))
            // a baseline with a two-line name
            let baseline = try await post("/projects/\(world.projectA)/baselines", ["name": "v1\nv2"])
            #expect(baseline.status == .badRequest)
            #expect(RefusedForms.message(after: "new-baseline-name", in: baseline.body) == "⚠ Must be one line")
            // then nothing was written
            #expect(try await ScopeVersionRecord.query(on: app.db).count() == versions)
            #expect(try await DeliverableRecord.query(on: app.db).count() == deliverables)
            #expect(try await BaselineRecord.query(on: app.db).count() == baselines)
        }
    }

    @Test func aSubmissionWithABadLinkKeepsItEscaped() async throws {
        try await withTestApp { app, _ in
            // given a deliverable that can be submitted (returned once)
            let world = try await World.make(app)
            let contact = try #require(try await world.session(.approverA))
            _ = try await world.client.page(
                .POST, "/portal/deliverables/\(world.visibleDeliverable)/return", cookies: ["tandem_session": contact.token],
                form: ["_csrf": contact.csrf, "comment": "bigger logo"])
            let session = try #require(try await world.session(.owner))
            // when
            let reply = try await world.client.page(
                .POST, "/deliverables/\(world.visibleDeliverable)/submit", cookies: ["tandem_session": session.token],
                form: ["_csrf": session.csrf, "link": "javascript:alert(\"x\")", "note": "v2"])
            // then
            #expect(reply.status == .badRequest)
            let id = "submit-\(world.visibleDeliverable.uuidString)"
            #expect(try #require(RefusedForms.tag("\(id)-link", in: reply.body)).contains("value=\"javascript:alert(&quot;x&quot;)\""))
            #expect(try #require(RefusedForms.tag("\(id)-note", in: reply.body)).contains("value=\"v2\""))
            #expect(RefusedForms.message(after: "\(id)-link", in: reply.body) == "⚠ Must be an http or https link")
            #expect(try await DeliverableRecord.find(world.visibleDeliverable, on: app.db)?.status == .returned)
        }
    }
}
