import Foundation
import Testing
@testable import Domain

/// Which history entries a customer sees: only those about objects the one visibility rule shows them.
@Suite struct ActivityVisibilityTests {
    let visibleMilestone = UUID(), hiddenMilestone = UUID()
    let visibleItem = UUID(), hiddenItem = UUID()
    let visibleDeliverable = UUID(), hiddenDeliverable = UUID()
    let scope = UUID()

    var visibility: CustomerVisibility { CustomerVisibility(items: [visibleItem], milestones: [visibleMilestone]) }
    var owners: [UUID: UUID] { [visibleDeliverable: visibleMilestone, hiddenDeliverable: hiddenMilestone] }

    func shows(_ type: String, _ id: UUID) -> Bool {
        let entry = ActivityEntry(at: Date(), actor: nil, action: "x.y", objectType: type, objectID: id)
        return visibility.shows(entry, scopeVersions: [scope], deliverableMilestones: owners)
    }

    @Test func visibleObjectsAreShown() {
        #expect(shows("scope_version", scope))
        #expect(shows("milestone", visibleMilestone))
        #expect(shows("deliverable", visibleDeliverable))
        #expect(shows("work_item", visibleItem))
    }

    @Test func hiddenObjectsAndTheirChildrenAreNot() {
        #expect(!shows("milestone", hiddenMilestone))
        #expect(!shows("deliverable", hiddenDeliverable))
        #expect(!shows("work_item", hiddenItem))
    }

    @Test func deletedObjectsAndUnknownKindsStayWithTheTeam() {
        #expect(!shows("work_item", UUID()))
        #expect(!shows("scope_version", UUID()))
        #expect(!shows("file", visibleItem))
        #expect(!shows("contact", UUID()))
    }

    @Test func theActorNamesAPersonWhenItCan() {
        let id = UUID()
        let contact = ActivityEntry(at: Date(), actor: "contact:\(id.uuidString.lowercased())", action: "a", objectType: "b", objectID: id)
        #expect(contact.actorID?.kind == "contact" && contact.actorID?.id == id)
        #expect(ActivityEntry(at: Date(), actor: nil, action: "a", objectType: "b", objectID: id).actorID == nil)
        #expect(ActivityEntry(at: Date(), actor: "system", action: "a", objectType: "b", objectID: id).actorID == nil)
    }

    @Test func newestComeFirstAndTiesKeepAStableOrder() {
        let early = Date(timeIntervalSince1970: 100)
        let late = Date(timeIntervalSince1970: 200)
        let a = ActivityEntry(at: early, actor: nil, action: "a", objectType: "t", objectID: UUID())
        let b = ActivityEntry(at: late, actor: nil, action: "b", objectType: "t", objectID: UUID())
        let c = ActivityEntry(at: late, actor: nil, action: "a", objectType: "t", objectID: UUID())
        #expect(ActivityEntry.newestFirst([a, b, c]).map(\.action) == ["a", "b", "a"])
        #expect(ActivityEntry.newestFirst([a, b, c]) == ActivityEntry.newestFirst([c, a, b]))
    }
}
