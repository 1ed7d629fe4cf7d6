import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// `tandem demo`: a realistic workspace made through the same actions the pages use — two customers
/// (one Chinese-speaking, one English-speaking) and three projects at different stages.
enum DemoWorkspace {
    static let ownerEmail = "owner@demo.tandem"
    static let ownerPassword = "tandem-demo-2026"

    static func fill(_ app: Application) async throws {
        guard try await MemberStore.count(on: app.db) == 0 else {
            throw AppConfig.Invalid(description: "the database already has a workspace; demo data goes into an empty one")
        }
        let anyone = app.context()
        let owner = try await AccountActions.setup(
            SetupRequest(
                workspaceName: "晨光设计工作室 Morning Light Studio", name: "林晓",
                email: ownerEmail, password: ownerPassword, language: .zhHans), in: anyone)
        let ctx = anyone.acting(as: try .member(owner))
        let designer = try await AccountActions.createMember(
            CreateMemberRequest(
                name: "Sam Lee", email: "sam@demo.tandem", role: .member,
                password: ownerPassword, language: .en), by: try owner.requireID(), in: ctx)

        let tea = try await CustomerActions.create(CreateCustomerRequest(name: "山间茶舍", language: .zhHans, notes: "杭州的精品茶馆，周末不回消息"), in: ctx)
        let wang = try await CustomerActions.createContact(
            CreateContactRequest(
                name: "王芳", email: "wang.fang@shanjian.example", phone: "138 0000 1234",
                language: .zhHans, preferredChannel: .wechat), customerID: try tea.requireID(), in: ctx)
        let harbor = try await CustomerActions.create(
            CreateCustomerRequest(name: "Harbor Bikes", language: .en, notes: "Bike shop in Portland"), in: ctx)
        let ana = try await CustomerActions.createContact(
            CreateContactRequest(
                name: "Ana Ortiz", email: "ana@harborbikes.example", phone: nil,
                language: .en, preferredChannel: .email), customerID: try harbor.requireID(), in: ctx)

        // 1. Active project for the tea house: scope signed, work under way.
        let shop = try await project(ctx, customer: try tea.requireID(), name: "小程序商城", start: "2026-11-02", goals: ["上线微信小程序商城", "会员积分"])
        try await scope(ctx, shop, goals: ["春节前上线"], inScope: ["商品展示", "下单支付", "会员积分"], outOfScope: ["线下收银"])
        try await grant(ctx, contact: try wang.requireID(), project: try shop.requireID(), signOff: 1)
        let design = try await milestone(ctx, shop, "设计确认", "2026-11-20", deliverable: "高保真设计稿")
        let launch = try await milestone(ctx, shop, "上线", "2027-01-15", deliverable: "上线版本")
        let a = try await item(ctx, shop, "交互设计", "2026-11-02", "2026-11-13", owner: owner.id, milestone: design.id, progress: 100)
        let b = try await item(ctx, shop, "视觉设计", "2026-11-09", "2026-11-20", owner: designer.id, milestone: design.id, deps: [a], progress: 80)
        let c = try await item(ctx, shop, "前端开发", "2026-11-23", "2026-12-25", owner: designer.id, milestone: launch.id, deps: [b], progress: 20)
        // Earlier progress, so the burn-up shows a history rather than one step today.
        try await history(ctx, a, [("2026-11-04", 30), ("2026-11-09", 70), ("2026-11-13", 100)])
        try await history(ctx, b, [("2026-11-13", 20), ("2026-11-18", 50), ("2026-11-24", 80)])
        try await history(ctx, c, [("2026-11-26", 10), ("2026-11-28", 20)])
        _ = try await item(ctx, shop, "内部代码评审", "2026-12-28", "2027-01-05", owner: owner.id, milestone: launch.id, deps: [c], visible: false)
        _ = try await item(ctx, shop, "上线与培训", "2027-01-06", "2027-01-15", owner: owner.id, milestone: launch.id, deps: [c], key: true)
        _ = try await ProjectActions.update(shop, with: UpdateProjectRequest(status: .active), in: ctx)
        if let mockups = try await PlanStore.firstDeliverable(of: design.requireID(), on: ctx.db) {
            _ = try await MilestoneActions.submit(
                mockups, SubmitDeliverableRequest(note: "请查看首页和商品页两套方案", link: "https://design.example/shop-v1"), in: ctx)
        }
        // The agreed rhythm: a report every Friday, a meeting every other Tuesday, replies within a day; the first
        // report published, and the customer's question in the thread answered.
        _ = try await CommunicationPlanActions.save(
            CommunicationPlanRequest(
                reportCadence: .init(every: "week", weekday: 5, time: "17:00"),
                meetingCadence: .init(every: "2weeks", weekday: 2, time: "10:00", durationMinutes: 45, videoLink: "https://meeting.tencent.com/demo"),
                responseTargetHours: 24,
                channels: [.init(topic: "report", via: ["email", "wecom"]), .init(topic: "urgent", via: ["phone", "wechat"])]),
            projectID: try shop.requireID(), in: ctx)
        let report = try await StatusReportActions.draft(projectID: try shop.requireID(), periodStart: nil, periodEnd: nil, in: ctx).report
        _ = try await StatusReportActions.publish(report, in: ctx)
        _ = try await MessageActions.post(
            PostMessageRequest(body: "视觉稿 **第二版** 周三前发您确认，届时请看一下商品页的配色。", visibility: "customer"), on: shop, in: ctx)

        // 2. Planning project for the bike shop: scope proposed, waiting for the customer.
        let site = try await project(
            ctx, customer: try harbor.requireID(), name: "Spring website refresh", start: "2026-12-07", goals: ["Online booking for repairs"])
        try await scope(ctx, site, goals: ["Bookings before spring"], inScope: ["Booking form", "Service price list"], outOfScope: ["Web shop"])
        try await grant(ctx, contact: try ana.requireID(), project: try site.requireID(), signOff: nil)
        _ = try await milestone(ctx, site, "Design sign-off", "2026-12-18", deliverable: "Homepage mock-up")
        _ = try await item(ctx, site, "Discovery workshop", "2026-12-07", "2026-12-08", owner: owner.id, milestone: nil)

        // 3. Closed project for the tea house.
        let brand = try await project(ctx, customer: try tea.requireID(), name: "品牌视觉升级", start: "2026-06-01", goals: ["新标志与包装"])
        try await scope(ctx, brand, goals: ["新标志"], inScope: ["标志", "包装"], outOfScope: ["门店装修"])
        try await grant(ctx, contact: try wang.requireID(), project: try brand.requireID(), signOff: 1)
        _ = try await item(ctx, brand, "标志设计", "2026-06-01", "2026-06-30", owner: designer.id, milestone: nil, progress: 100)
        _ = try await ProjectActions.update(brand, with: UpdateProjectRequest(status: .closed), in: ctx)
    }

    private static func project(_ ctx: ActionContext, customer: UUID, name: String, start: String, goals: [String]) async throws -> ProjectRecord {
        try await ProjectActions.create(
            CreateProjectRequest(
                customerId: customer, name: name, timeZone: "Asia/Shanghai", startDate: start,
                goals: goals, currency: "CNY", budgetMinor: 8_000_000), in: ctx)
    }

    private static func scope(_ ctx: ActionContext, _ project: ProjectRecord, goals: [String], inScope: [String], outOfScope: [String]) async throws {
        _ = try await ScopeActions.propose(
            ProposeScopeRequest(goals: goals, inScope: inScope, outOfScope: outOfScope, notes: nil),
            projectID: try project.requireID(), in: ctx)
    }

    /// Invites the contact (as approver) and, when `signOff` names a version, signs it off as them.
    private static func grant(_ ctx: ActionContext, contact: UUID, project: UUID, signOff: Int?) async throws {
        guard let record = try await ProjectRecord.find(project, on: ctx.db) else { return }
        let issued = try await InvitationActions.invite(CreateInvitationRequest(contactId: contact, canApprove: true), to: record, in: ctx)
        let (person, _, _) = try await InvitationActions.accept(token: issued.token, credential: .api, in: ctx)
        guard let number = signOff else { return }
        _ = try await ScopeActions.signOff(
            projectID: project, number: number, comment: "同意，开始吧",
            in: ctx.acting(as: try .contact(person, grants: [project: true])))
    }

    private static func history(_ ctx: ActionContext, _ item: WorkItem, _ steps: [(String, Int)]) async throws {
        for (day, percent) in steps {
            guard let date = LocalDate(day) else { continue }
            // Noon in Shanghai, the demo projects' time zone.
            let at = Date(timeIntervalSince1970: Double(date.dayNumber) * 86_400 + 4 * 3_600)
            try await ProgressEventRecord(projectID: item.projectID, workItemID: item.id, progress: percent, at: at).create(on: ctx.db)
        }
    }

    private static func milestone(_ ctx: ActionContext, _ project: ProjectRecord, _ name: String, _ due: String, deliverable: String) async throws
        -> MilestoneRecord
    {
        let milestone = try await MilestoneActions.create(
            CreateMilestoneRequest(name: name, dueDate: due, description: nil, visibleToCustomer: true),
            projectID: try project.requireID(), in: ctx)
        _ = try await MilestoneActions.createDeliverable(
            CreateDeliverableRequest(name: deliverable, acceptanceCriteria: nil), milestone: milestone, in: ctx)
        return milestone
    }

    private static func item(
        _ ctx: ActionContext, _ project: ProjectRecord, _ title: String, _ start: String, _ due: String, owner: UUID?,
        milestone: UUID?, deps: [WorkItem] = [], progress: Int = 0, visible: Bool = true, key: Bool = false
    ) async throws -> WorkItem {
        let item = try await WorkItemActions.create(
            CreateWorkItemRequest(
                title: title, startDate: start, dueDate: due, estimateHours: 16,
                assigneeId: owner, milestoneId: milestone, dependsOn: deps.map(\.id),
                dependencyLags: nil, visibleToCustomer: visible, isKey: key),
            projectID: try project.requireID(), in: ctx)
        guard progress > 0, let record = try await WorkItemRecord.find(item.id, on: ctx.db) else { return item }
        return try await WorkItemActions.update(record, with: UpdateWorkItemRequest(progress: progress), in: ctx)
    }
}
