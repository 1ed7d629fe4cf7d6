import Domain
import Foundation
import Testing
import Vapor
@testable import Web

/// The portal's project page rendered from a hand-built model: no database, no request handling.
@Suite struct PortalProjectViewTests {
    let projectID = UUID()
    let milestoneID = UUID()
    let submitted = UUID()
    let accepted = UUID()
    let now = Date(timeIntervalSince1970: 1_796_000_000)

    func model(canApprove: Bool, scopeStatus: ScopeStatus) -> PortalProjectModel {
        let milestone = Milestone(
            id: milestoneID, projectID: projectID, name: "设计确认", description: nil,
            dueDate: LocalDate("2026-12-20")!, visibleToCustomer: true)
        func deliverable(_ id: UUID, _ name: String, _ status: DeliverableStatus) -> Deliverable {
            Deliverable(
                id: id, milestoneID: milestoneID, projectID: projectID, name: name, acceptanceCriteria: "两套方案", status: status,
                submissionNote: "请查看", link: "https://design.example/v1", decisionComment: nil, decidedBy: nil, decidedAt: nil, createdAt: now)
        }
        let scope = ScopeVersion(
            id: UUID(), projectID: projectID, number: 2, goals: ["春节前上线"], inScope: ["商品展示"], outOfScope: ["线下收银"],
            notes: nil, status: scopeStatus, createdAt: now, signedOffAt: scopeStatus == .signedOff ? now : nil)
        return PortalProjectModel(
            projectID: projectID, name: "小程序商城", timeZone: "Asia/Shanghai", goals: ["上线微信小程序商城"],
            summary: PlanSummary(progress: 40, endDate: LocalDate("2027-01-15")), canApprove: canApprove, scope: scope,
            milestones: [
                MilestoneDetail(
                    milestone: milestone,
                    deliverables: [
                        deliverable(submitted, "高保真设计稿", .submitted),
                        deliverable(accepted, "交互稿", .accepted),
                    ])
            ],
            receipts: [accepted: String(repeating: "ab", count: 32)],
            work: [.init(title: "视觉设计", finish: LocalDate("2026-12-18")!, status: .doing, progress: 80)],
            pager: Pager(page: 1, count: 1, anchor: "work", path: "/portal/projects/\(projectID.uuidString)"))
    }

    func render(_ model: PortalProjectModel, _ language: Language) async throws -> String {
        let app = try await Application.make(.testing)
        defer { Task { try? await app.asyncShutdown() } }
        let req = Request(application: app, on: app.eventLoopGroup.any())
        let identity = Identity(
            principal: .contact(id: UUID(), grants: [projectID: model.canApprove]), name: "王芳", email: "wang@tea.test",
            language: language, credentialID: nil, csrfToken: "csrf")
        let c = PageContext(
            req: req, identity: identity, language: language, csrfToken: "csrf-token", newCSRFCookie: nil,
            languageFromQuery: nil, catalogue: try Catalogue.load())
        return PortalProjectView.render(c, model).raw
    }

    @Test func anApproverIsOfferedExactlyWhatWaitsOnThem() async throws {
        let html = try await render(model(canApprove: true, scopeStatus: .proposed), .zhHans)
        #expect(html.contains("/scope-versions/2/sign-off"))
        #expect(html.contains("/portal/deliverables/\(submitted.uuidString)/accept"))
        #expect(!html.contains("/portal/deliverables/\(accepted.uuidString)/accept"))
        #expect(html.contains("#d-\(submitted.uuidString)") && html.contains("#scope"))
        #expect(html.contains("未开始") == false && html.contains("进行中"))
        #expect(html.contains("回执： <code title=\"\(String(repeating: "ab", count: 32))\""))
    }

    @Test func aContactWithoutTheRightSeesNoForms() async throws {
        let html = try await render(model(canApprove: false, scopeStatus: .proposed), .zhHans)
        #expect(!html.contains("sign-off") && !html.contains("/accept\""))
        #expect(html.contains("高保真设计稿") && html.contains("春节前上线"))
    }

    @Test func aSignedScopeWaitsOnNobodyAndSaysWhenInEnglish() async throws {
        let html = try await render(model(canApprove: true, scopeStatus: .signedOff), .en)
        #expect(!html.contains("/scope-versions/2/sign-off"))
        #expect(html.contains("Signed off") || html.contains("signed"))
        #expect(html.contains("2027-01-15") && html.contains("40%"))
    }
}
