import Foundation
import Testing
@testable import Domain

/// Project lifecycle moves, far-off dates and what may be edited or removed.
@Suite struct CorrectionRulesTests {
    @Test func aProjectMovesForwardAndBetweenActiveAndOnHoldButNeverBackToPlanning() {
        #expect(ProjectLifecycle.allows(from: .planning, to: .active))
        #expect(ProjectLifecycle.allows(from: .active, to: .onHold))
        #expect(ProjectLifecycle.allows(from: .onHold, to: .active))
        #expect(ProjectLifecycle.allows(from: .onHold, to: .closed))
        #expect(ProjectLifecycle.allows(from: .closed, to: .active))
        for status in [ProjectStatus.active, .onHold, .closed] {
            #expect(!ProjectLifecycle.allows(from: status, to: .planning), "\(status) → planning")
        }
        #expect(!ProjectLifecycle.allows(from: .closed, to: .onHold))
    }

    @Test func closingAndArchivingIsOneChangeButAnOpenProjectCannotBeArchived() throws {
        let after = try ProjectLifecycle.apply(status: .closed, archived: true, to: (.active, false))
        #expect(after.status == .closed && after.archived)
        let refused = domainError { _ = try ProjectLifecycle.apply(status: nil, archived: true, to: (.active, false)) }
        #expect(refused?.conflictMessage?.contains("closed") == true)
    }

    @Test func anArchivedProjectKeepsItsStatusUntilUnarchived() throws {
        #expect(domainError { _ = try ProjectLifecycle.apply(status: .active, archived: nil, to: (.closed, true)) }?.conflictMessage != nil)
        let reopened = try ProjectLifecycle.apply(status: .active, archived: false, to: (.closed, true))
        #expect(reopened.status == .active && !reopened.archived)
    }

    @Test func aDateMoreThanAYearOutsideTheProjectIsFar() throws {
        let start = try #require(LocalDate("2026-12-01"))
        let end = try #require(LocalDate("2027-03-01"))
        #expect(FarDate.isFar(try #require(LocalDate("2020-05-01")), projectStart: start, plannedEnd: end))
        #expect(!FarDate.isFar(try #require(LocalDate("2025-12-15")), projectStart: start, plannedEnd: end))
        #expect(!FarDate.isFar(try #require(LocalDate("2028-02-28")), projectStart: start, plannedEnd: end))
        #expect(FarDate.isFar(try #require(LocalDate("2028-03-02")), projectStart: start, plannedEnd: end))
        // Without a plan yet the start counts as the end.
        #expect(FarDate.isFar(try #require(LocalDate("2027-12-03")), projectStart: start, plannedEnd: nil))
    }

    @Test func aFarDateNeedsConfirmationNamingItsField() throws {
        let start = try #require(LocalDate("2026-12-01"))
        let far = try #require(LocalDate("2020-01-01"))
        let error = domainError { try FarDate.check([("startDate", nil), ("dueDate", far)], projectStart: start, plannedEnd: nil, confirmed: false) }
        guard case .confirmationRequired(let field, _) = error else {
            Issue.record("expected confirmationRequired, got \(String(describing: error))")
            return
        }
        #expect(field == "dueDate")
        #expect(domainError { try FarDate.check([("dueDate", far)], projectStart: start, plannedEnd: nil, confirmed: true) } == nil)
    }

    @Test func onlyUndecidedDeliverablesCanBeEditedAndOnlyOpenOnesRemoved() {
        #expect(domainError { try Corrections.requireEditable(.submitted) } == nil)
        #expect(domainError { try Corrections.requireEditable(.accepted) }?.conflictMessage != nil)
        #expect(domainError { try Corrections.requireEditable(.returned) }?.conflictMessage != nil)
        #expect(domainError { try Corrections.requireRemovable(.open) } == nil)
        #expect(domainError { try Corrections.requireRemovable(.submitted) }?.conflictMessage != nil)
        #expect(domainError { try Corrections.requireMilestoneRemovable(deliverables: [.open, .open]) } == nil)
        #expect(
            domainError { try Corrections.requireMilestoneRemovable(deliverables: [.open, .accepted]) }?.conflictMessage?.contains("accepted") == true
        )
    }

    @Test func aWorkItemOthersDependOnIsRefusedNamingThem() {
        #expect(domainError { try Corrections.requireWorkItemRemovable(dependents: []) } == nil)
        #expect(domainError { try Corrections.requireWorkItemRemovable(dependents: ["Build"]) }?.conflictMessage?.contains("Build") == true)
    }

    @Test func aContactOnTheRecordIsDeactivatedNotDeleted() {
        #expect(Corrections.contactRemoval(hasDecided: true) == .deactivate)
        #expect(Corrections.contactRemoval(hasDecided: false) == .delete)
    }
}
