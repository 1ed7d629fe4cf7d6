import Foundation
import Testing
@testable import Domain

@Suite("ScopeDiff on hand-built versions")
struct ScopeDiffTests {
    let projectID = UUID()
    let at = Date(timeIntervalSince1970: 1_796_000_000)

    func version(
        _ number: Int, goals: [String] = [], inScope: [String], outOfScope: [String] = [], status: ScopeStatus, signed: Bool = false
    ) -> ScopeVersion {
        ScopeVersion(
            id: UUID(), projectID: projectID, number: number, goals: goals, inScope: inScope, outOfScope: outOfScope, notes: nil,
            status: status, createdAt: at, signedOffBy: signed ? UUID() : nil, signedOffAt: signed ? at : nil)
    }

    @Test("a line replaced in place is a change; new and dropped lines are added and removed")
    func changedAddedRemoved() {
        // given
        let old = ["商品展示", "购物车", "微信支付"]
        let new = ["商品展示", "购物车和收藏", "微信支付", "会员积分"]

        // when
        let lines = ScopeDiff.lines(from: old, to: new)

        // then
        #expect(lines == [.kept("商品展示"), .changed(from: "购物车", to: "购物车和收藏"), .kept("微信支付"), .added("会员积分")])
        #expect(ScopeDiff.changes(lines) == LineChanges(added: ["购物车和收藏", "会员积分"], removed: ["购物车"]))
    }

    @Test("a dropped line with nothing in its place is removed, and kept lines keep their order")
    func removedOnly() {
        let lines = ScopeDiff.lines(from: ["a", "b", "c"], to: ["a", "c"])
        #expect(lines == [.kept("a"), .removed("b"), .kept("c")])
    }

    @Test("identical lists have no changes")
    func identical() {
        let lines = ScopeDiff.lines(from: ["a", "b"], to: ["a", "b"])
        #expect(ScopeDiff.changes(lines).isEmpty)
    }

    @Test("a version is compared with the latest version signed off before it, skipping proposals and later versions")
    func againstLatestSignedBefore() {
        // given
        let v1 = version(1, inScope: ["a"], status: .superseded, signed: true)
        let v2 = version(2, inScope: ["a", "b"], status: .signedOff, signed: true)
        let v3 = version(3, inScope: ["x"], status: .changesRequested)
        let v4 = version(4, goals: ["上线"], inScope: ["a", "c"], outOfScope: ["线下收银"], status: .proposed)

        // when
        let diff = ScopeDiff(v4, among: [v4, v3, v2, v1])

        // then
        #expect(diff.against == 2)
        #expect(ScopeDiff.changes(diff.inScope) == LineChanges(added: ["c"], removed: ["b"]))
        #expect(ScopeDiff.changes(diff.goals) == LineChanges(added: ["上线"], removed: []))
        #expect(ScopeDiff.changes(diff.outOfScope) == LineChanges(added: ["线下收银"], removed: []))
        #expect(ScopeDiff(v2, among: [v4, v3, v2, v1]).against == 1)
    }

    @Test("with nothing signed before, there is nothing to compare with and every line is added")
    func nothingSigned() {
        let v1 = version(1, inScope: ["a", "b"], status: .proposed)
        let diff = ScopeDiff(v1, among: [v1])
        #expect(diff.against == nil)
        #expect(ScopeDiff.changes(diff.inScope) == LineChanges(added: ["a", "b"], removed: []))
    }

    @Test("the page shows a newer version sent back until the team proposes again, then the new proposal")
    func currentVersion() {
        let v1 = version(1, inScope: ["a"], status: .signedOff, signed: true)
        let v2 = version(2, inScope: ["b"], status: .changesRequested)
        #expect(ScopeVersion.current(of: [v2, v1])?.number == 2)
        let v3 = version(3, inScope: ["c"], status: .proposed)
        #expect(ScopeVersion.current(of: [v3, v2, v1])?.number == 3)
        let old = version(1, inScope: ["a"], status: .changesRequested)
        let signed = version(2, inScope: ["b"], status: .signedOff, signed: true)
        #expect(ScopeVersion.current(of: [signed, old])?.number == 2)
    }
}

@Suite("ScopeFlow.requestChanges")
struct ScopeRequestChangesTests {
    @Test("a proposal with a comment is sent back")
    func proposalIsSentBack() throws {
        #expect(try ScopeFlow.requestChanges(.proposed, comment: "加上会员积分") == .changesRequested)
    }

    @Test("a missing or blank comment names the comment field", arguments: [nil, "", "  \n"] as [String?])
    func commentRequired(_ comment: String?) {
        let error = domainError { _ = try ScopeFlow.requestChanges(.proposed, comment: comment) }
        #expect(error?.validationField == "comment")
    }

    @Test("only a proposal can be sent back", arguments: [ScopeStatus.signedOff, .superseded, .changesRequested])
    func onlyProposals(_ status: ScopeStatus) {
        let error = domainError { _ = try ScopeFlow.requestChanges(status, comment: "why") }
        #expect(error?.conflictMessage?.contains(status.rawValue) == true)
    }

    @Test("a new proposal leaves a version that was sent back on record")
    func newProposalKeepsRequest() {
        #expect(ScopeFlow.onNewProposal(.changesRequested) == .changesRequested)
    }
}
