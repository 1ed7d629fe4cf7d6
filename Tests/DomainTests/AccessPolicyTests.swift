import Foundation
import Testing
@testable import Domain

private let thisProject = UUID(uuidString: "00000000-0000-0000-0000-0000000000a1")!
private let otherProject = UUID(uuidString: "00000000-0000-0000-0000-0000000000b2")!

/// The seven kinds of caller the table covers; projects are seen from `thisProject`.
enum Caller: String, CaseIterable, Sendable {
    case anonymous, owner, manager, member
    /// A contact invited to this project with the right to approve.
    case approver
    /// A contact invited to this project without the right to approve.
    case viewer
    /// A contact invited (as an approver) to another project only.
    case stranger

    var principal: Principal {
        let id = UUID(uuidString: "00000000-0000-0000-0000-0000000000c3")!
        switch self {
        case .anonymous: return .anonymous
        case .owner: return .member(id: id, role: .owner)
        case .manager: return .member(id: id, role: .manager)
        case .member: return .member(id: id, role: .member)
        case .approver: return .contact(id: id, grants: [thisProject: true])
        case .viewer: return .contact(id: id, grants: [thisProject: false])
        case .stranger: return .contact(id: id, grants: [otherProject: true])
        }
    }
}

/// One row of the table: what `caller` gets for `rule` on a customer-visible object and on a hidden one.
struct AccessExpectation: Sendable, CustomTestStringConvertible {
    let rule: AccessRule
    let caller: Caller
    let visible: AccessDecision
    let hidden: AccessDecision

    var testDescription: String { "\(rule) × \(caller)" }
}

private let A = AccessDecision.allow
private let U = AccessDecision.unauthenticated
private let F = AccessDecision.forbidden
private let N = AccessDecision.notFound

/// Written out by hand from the intended semantics, not derived from the policy.
/// Columns: rule, caller, on a customer-visible object, on a hidden object.
let accessTable: [AccessExpectation] = [
    // open: anyone
    .init(rule: .open, caller: .anonymous, visible: A, hidden: A),
    .init(rule: .open, caller: .owner, visible: A, hidden: A),
    .init(rule: .open, caller: .manager, visible: A, hidden: A),
    .init(rule: .open, caller: .member, visible: A, hidden: A),
    .init(rule: .open, caller: .approver, visible: A, hidden: A),
    .init(rule: .open, caller: .viewer, visible: A, hidden: A),
    .init(rule: .open, caller: .stranger, visible: A, hidden: A),
    // signedIn: anyone signed in
    .init(rule: .signedIn, caller: .anonymous, visible: U, hidden: U),
    .init(rule: .signedIn, caller: .owner, visible: A, hidden: A),
    .init(rule: .signedIn, caller: .manager, visible: A, hidden: A),
    .init(rule: .signedIn, caller: .member, visible: A, hidden: A),
    .init(rule: .signedIn, caller: .approver, visible: A, hidden: A),
    .init(rule: .signedIn, caller: .viewer, visible: A, hidden: A),
    .init(rule: .signedIn, caller: .stranger, visible: A, hidden: A),
    // member: any team member
    .init(rule: .member, caller: .anonymous, visible: U, hidden: U),
    .init(rule: .member, caller: .owner, visible: A, hidden: A),
    .init(rule: .member, caller: .manager, visible: A, hidden: A),
    .init(rule: .member, caller: .member, visible: A, hidden: A),
    .init(rule: .member, caller: .approver, visible: F, hidden: F),
    .init(rule: .member, caller: .viewer, visible: F, hidden: F),
    .init(rule: .member, caller: .stranger, visible: F, hidden: F),
    // manager: owners and managers
    .init(rule: .manager, caller: .anonymous, visible: U, hidden: U),
    .init(rule: .manager, caller: .owner, visible: A, hidden: A),
    .init(rule: .manager, caller: .manager, visible: A, hidden: A),
    .init(rule: .manager, caller: .member, visible: F, hidden: F),
    .init(rule: .manager, caller: .approver, visible: F, hidden: F),
    .init(rule: .manager, caller: .viewer, visible: F, hidden: F),
    .init(rule: .manager, caller: .stranger, visible: F, hidden: F),
    // owner: the owner only
    .init(rule: .owner, caller: .anonymous, visible: U, hidden: U),
    .init(rule: .owner, caller: .owner, visible: A, hidden: A),
    .init(rule: .owner, caller: .manager, visible: F, hidden: F),
    .init(rule: .owner, caller: .member, visible: F, hidden: F),
    .init(rule: .owner, caller: .approver, visible: F, hidden: F),
    .init(rule: .owner, caller: .viewer, visible: F, hidden: F),
    .init(rule: .owner, caller: .stranger, visible: F, hidden: F),
    // teamLog: owners and managers; members 403, contacts 404 (the delivery log)
    .init(rule: .teamLog, caller: .anonymous, visible: U, hidden: U),
    .init(rule: .teamLog, caller: .owner, visible: A, hidden: A),
    .init(rule: .teamLog, caller: .manager, visible: A, hidden: A),
    .init(rule: .teamLog, caller: .member, visible: F, hidden: F),
    .init(rule: .teamLog, caller: .approver, visible: N, hidden: N),
    .init(rule: .teamLog, caller: .viewer, visible: N, hidden: N),
    .init(rule: .teamLog, caller: .stranger, visible: N, hidden: N),
    // contact: the portal's own pages
    .init(rule: .contact, caller: .anonymous, visible: U, hidden: U),
    .init(rule: .contact, caller: .owner, visible: F, hidden: F),
    .init(rule: .contact, caller: .manager, visible: F, hidden: F),
    .init(rule: .contact, caller: .member, visible: F, hidden: F),
    .init(rule: .contact, caller: .approver, visible: A, hidden: A),
    .init(rule: .contact, caller: .viewer, visible: A, hidden: A),
    .init(rule: .contact, caller: .stranger, visible: A, hidden: A),
    // projectTeam: team members; a contact who can see the object gets 403, otherwise 404
    .init(rule: .projectTeam, caller: .anonymous, visible: U, hidden: U),
    .init(rule: .projectTeam, caller: .owner, visible: A, hidden: A),
    .init(rule: .projectTeam, caller: .manager, visible: A, hidden: A),
    .init(rule: .projectTeam, caller: .member, visible: A, hidden: A),
    .init(rule: .projectTeam, caller: .approver, visible: F, hidden: N),
    .init(rule: .projectTeam, caller: .viewer, visible: F, hidden: N),
    .init(rule: .projectTeam, caller: .stranger, visible: N, hidden: N),
    // projectManage: owners and managers
    .init(rule: .projectManage, caller: .anonymous, visible: U, hidden: U),
    .init(rule: .projectManage, caller: .owner, visible: A, hidden: A),
    .init(rule: .projectManage, caller: .manager, visible: A, hidden: A),
    .init(rule: .projectManage, caller: .member, visible: F, hidden: F),
    .init(rule: .projectManage, caller: .approver, visible: F, hidden: N),
    .init(rule: .projectManage, caller: .viewer, visible: F, hidden: N),
    .init(rule: .projectManage, caller: .stranger, visible: N, hidden: N),
    // projectView: members, and invited contacts on customer-visible objects
    .init(rule: .projectView, caller: .anonymous, visible: U, hidden: U),
    .init(rule: .projectView, caller: .owner, visible: A, hidden: A),
    .init(rule: .projectView, caller: .manager, visible: A, hidden: A),
    .init(rule: .projectView, caller: .member, visible: A, hidden: A),
    .init(rule: .projectView, caller: .approver, visible: A, hidden: N),
    .init(rule: .projectView, caller: .viewer, visible: A, hidden: N),
    .init(rule: .projectView, caller: .stranger, visible: N, hidden: N),
    // projectApprove: approving contacts only; team members are forbidden
    .init(rule: .projectApprove, caller: .anonymous, visible: U, hidden: U),
    .init(rule: .projectApprove, caller: .owner, visible: F, hidden: F),
    .init(rule: .projectApprove, caller: .manager, visible: F, hidden: F),
    .init(rule: .projectApprove, caller: .member, visible: F, hidden: F),
    .init(rule: .projectApprove, caller: .approver, visible: A, hidden: N),
    .init(rule: .projectApprove, caller: .viewer, visible: F, hidden: N),
    .init(rule: .projectApprove, caller: .stranger, visible: N, hidden: N),
    // projectAudit: members and approving contacts
    .init(rule: .projectAudit, caller: .anonymous, visible: U, hidden: U),
    .init(rule: .projectAudit, caller: .owner, visible: A, hidden: A),
    .init(rule: .projectAudit, caller: .manager, visible: A, hidden: A),
    .init(rule: .projectAudit, caller: .member, visible: A, hidden: A),
    .init(rule: .projectAudit, caller: .approver, visible: A, hidden: N),
    .init(rule: .projectAudit, caller: .viewer, visible: F, hidden: N),
    .init(rule: .projectAudit, caller: .stranger, visible: N, hidden: N),
    // projectContact: invited contacts, approving or not, on customer-visible objects; team members are forbidden
    .init(rule: .projectContact, caller: .anonymous, visible: U, hidden: U),
    .init(rule: .projectContact, caller: .owner, visible: F, hidden: F),
    .init(rule: .projectContact, caller: .manager, visible: F, hidden: F),
    .init(rule: .projectContact, caller: .member, visible: F, hidden: F),
    .init(rule: .projectContact, caller: .approver, visible: A, hidden: N),
    .init(rule: .projectContact, caller: .viewer, visible: A, hidden: N),
    .init(rule: .projectContact, caller: .stranger, visible: N, hidden: N),
]

@Suite("AccessPolicy")
struct AccessPolicyTests {
    @Test("the table has exactly one row for every rule and caller")
    func tableIsComplete() {
        // given
        let expected = Set(AccessRule.allCases.flatMap { rule in Caller.allCases.map { "\(rule)/\($0)" } })

        // when
        let rows = accessTable.map { "\($0.rule)/\($0.caller)" }

        // then
        #expect(rows.count == expected.count)
        #expect(Set(rows) == expected)
    }

    @Test("a customer-visible object of this project is decided as the table says", arguments: accessTable)
    func visibleObject(_ row: AccessExpectation) {
        // given
        let target = AccessTarget(projectID: thisProject, visibleToCustomer: true)

        // when
        let decision = AccessPolicy.decide(row.rule, for: row.caller.principal, on: target)

        // then
        #expect(decision == row.visible)
    }

    @Test("a hidden object of this project is decided as the table says", arguments: accessTable)
    func hiddenObject(_ row: AccessExpectation) {
        // given
        let target = AccessTarget(projectID: thisProject, visibleToCustomer: false)

        // when
        let decision = AccessPolicy.decide(row.rule, for: row.caller.principal, on: target)

        // then
        #expect(decision == row.hidden)
    }

    @Test("a contact never learns that a hidden or foreign object exists", arguments: AccessRule.allCases.filter(\.needsProject))
    func contactsGetNotFoundNeverForbiddenForHiddenObjects(_ rule: AccessRule) {
        // given
        let hidden = AccessTarget(projectID: thisProject, visibleToCustomer: false)
        let foreign = AccessTarget(projectID: otherProject, visibleToCustomer: true)

        // when
        let decisions = [Caller.approver, .viewer, .stranger].flatMap { caller in
            [AccessPolicy.decide(rule, for: caller.principal, on: hidden)]
                + (caller == .stranger ? [] : [AccessPolicy.decide(rule, for: caller.principal, on: foreign)])
        }

        // then
        #expect(decisions.allSatisfy { $0 == .notFound })
    }

    @Test(
        "anonymous callers are turned away from project rules before any target is loaded",
        arguments: AccessRule.allCases.filter(\.needsProject))
    func anonymousIsRefusedWithoutTarget(_ rule: AccessRule) {
        // given / when
        let decision = AccessPolicy.decide(rule, for: .anonymous)

        // then
        #expect(decision == .unauthenticated)
    }

    @Test("only project rules need a loaded target")
    func needsProject() {
        // given / when
        let projectRules = AccessRule.allCases.filter(\.needsProject)

        // then
        #expect(projectRules == [.projectTeam, .projectManage, .projectView, .projectApprove, .projectAudit, .projectContact])
    }

    @Test("a contact sees an object only when it is customer-visible and in a project they were invited to")
    func contactSees() {
        // given
        let grants = [thisProject: false]

        // when / then
        #expect(AccessPolicy.contactSees(Shown(visibleToCustomer: true), projectID: thisProject, grants: grants))
        #expect(!AccessPolicy.contactSees(Shown(visibleToCustomer: false), projectID: thisProject, grants: grants))
        #expect(!AccessPolicy.contactSees(Shown(visibleToCustomer: true), projectID: otherProject, grants: grants))
    }

    struct Shown: CustomerVisible, Equatable {
        var visibleToCustomer: Bool
    }

    @Test("a customer is shown only the customer-visible objects of a list, the team all of them")
    func shownLists() {
        let objects = [Shown(visibleToCustomer: true), Shown(visibleToCustomer: false), Shown(visibleToCustomer: true)]
        #expect(AccessPolicy.shown(objects, toCustomer: true) == [objects[0], objects[2]])
        #expect(AccessPolicy.shown(objects, toCustomer: false) == objects)
    }
}
