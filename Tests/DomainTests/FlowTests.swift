import Testing
@testable import Domain

@Suite("DeliverableFlow")
struct DeliverableFlowTests {
    @Test(
        "allowed transitions lead to the expected status",
        arguments: [
            (DeliverableStatus.open, DeliverableAction.submit, DeliverableStatus.submitted),
            (.returned, .submit, .submitted),
            (.submitted, .accept, .accepted),
            (.submitted, .return, .returned),
        ])
    func allowedTransition(_ from: DeliverableStatus, action: DeliverableAction, to expected: DeliverableStatus) throws {
        // given
        let comment = "Please fix the logo colour"

        // when
        let status = try DeliverableFlow.next(from: from, on: action, comment: comment)

        // then
        #expect(status == expected)
    }

    @Test(
        "every other status and action pair is a conflict",
        arguments: [
            (DeliverableStatus.open, DeliverableAction.accept), (.open, .return),
            (.submitted, .submit),
            (.accepted, .submit), (.accepted, .accept), (.accepted, .return),
            (.returned, .accept), (.returned, .return),
        ])
    func forbiddenTransitionIsConflict(_ from: DeliverableStatus, action: DeliverableAction) {
        // given
        let comment = "Please fix the logo colour"

        // when
        let error = domainError { _ = try DeliverableFlow.next(from: from, on: action, comment: comment) }

        // then
        #expect(error?.conflictMessage != nil)
    }

    @Test(
        "a conflict says which status refused which action, in plain words",
        arguments: [
            (DeliverableStatus.accepted, DeliverableAction.submit, "a deliverable that is accepted cannot be submitted"),
            (.open, .accept, "a deliverable that is open cannot be accepted"),
            (.accepted, .return, "a deliverable that is accepted cannot be returned"),
        ])
    func conflictMessage(_ from: DeliverableStatus, action: DeliverableAction, message: String) {
        // given / when
        let error = domainError { _ = try DeliverableFlow.next(from: from, on: action, comment: "x") }

        // then
        #expect(error == .conflict(message))
    }

    @Test(
        "returning a submitted deliverable without a real comment is refused naming the comment field",
        arguments: [nil, "", "  \n "] as [String?])
    func returnRequiresComment(_ comment: String?) {
        // given / when
        let error = domainError { _ = try DeliverableFlow.next(from: .submitted, on: .return, comment: comment) }

        // then
        #expect(error?.validationField == "comment")
    }

    @Test("submitting and accepting need no comment")
    func submitAndAcceptNeedNoComment() throws {
        // given / when
        let submitted = try DeliverableFlow.next(from: .open, on: .submit, comment: nil)
        let accepted = try DeliverableFlow.next(from: submitted, on: .accept, comment: nil)

        // then
        #expect(accepted == .accepted)
    }

    @Test("returning a deliverable that is not submitted is a conflict even without a comment")
    func returnOfOpenIsConflictBeforeCommentCheck() {
        // given / when
        let error = domainError { _ = try DeliverableFlow.next(from: .open, on: .return, comment: nil) }

        // then
        #expect(error?.conflictMessage != nil)
    }
}

@Suite("ScopeFlow")
struct ScopeFlowTests {
    @Test("a proposed scope version can be signed off")
    func proposedCanBeSignedOff() throws {
        // given / when
        let status = try ScopeFlow.signOff(.proposed)

        // then
        #expect(status == .signedOff)
    }

    @Test(
        "a signed-off or superseded scope version cannot be signed off",
        arguments: [
            ScopeStatus.signedOff, .superseded,
        ])
    func onlyProposedCanBeSignedOff(_ status: ScopeStatus) {
        // given / when
        let error = domainError { _ = try ScopeFlow.signOff(status) }

        // then
        #expect(error?.conflictMessage?.contains(status.rawValue) == true)
    }

    @Test(
        "a new proposal supersedes open proposals but leaves signed-off and superseded versions alone",
        arguments: [
            (ScopeStatus.proposed, ScopeStatus.superseded), (.signedOff, .signedOff), (.superseded, .superseded),
        ])
    func newProposal(_ status: ScopeStatus, expected: ScopeStatus) {
        // given / when
        let result = ScopeFlow.onNewProposal(status)

        // then
        #expect(result == expected)
    }

    @Test(
        "a newer sign-off supersedes the previously signed-off version only",
        arguments: [
            (ScopeStatus.signedOff, ScopeStatus.superseded), (.proposed, .proposed), (.superseded, .superseded),
        ])
    func newerSignOff(_ status: ScopeStatus, expected: ScopeStatus) {
        // given / when
        let result = ScopeFlow.onNewerSignOff(status)

        // then
        #expect(result == expected)
    }
}

@Suite("What waits on whom")
struct WaitingTests {
    @Test("a proposal and a submitted deliverable wait on the customer, a returned one on the team")
    func waitingFollowsTheFlows() {
        let waiting = Waiting(scopes: [.proposed, .signedOff, .superseded], deliverables: [.open, .submitted, .returned, .accepted, .submitted])
        #expect(waiting.onCustomer == 3)
        #expect(waiting.onTeam == 1)
    }

    @Test("a scope version sent back waits on the team only while it is the newest")
    func aVersionSentBackWaitsOnTheTeam() {
        #expect(Waiting(scopes: [.signedOff, .changesRequested], deliverables: []).onTeam == 1)
        #expect(Waiting(scopes: [.signedOff, .changesRequested], deliverables: []).onCustomer == 0)
        // the team proposed again: the new version waits on the customer, the old one on nobody
        let proposedAgain = Waiting(scopes: [.signedOff, .changesRequested, .proposed], deliverables: [])
        #expect(proposedAgain.onTeam == 0 && proposedAgain.onCustomer == 1)
    }

    @Test("pages offer exactly what the flows allow")
    func offersFollowTheFlows() {
        #expect(DeliverableStatus.allCases.filter { DeliverableFlow.allows(.submit, from: $0) } == [.open, .returned])
        #expect(DeliverableStatus.allCases.filter { DeliverableFlow.allows(.accept, from: $0) } == [.submitted])
        #expect(ScopeStatus.allCases.filter(ScopeFlow.canSignOff) == [.proposed])
    }
}
