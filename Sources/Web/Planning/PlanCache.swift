import Foundation
import NIOConcurrencyHelpers

/// Scheduled plans of recently viewed projects, each tagged with the plan revision it was computed from.
///
/// Not state another instance needs: every request reads the project's current revision from the
/// database first, and a plan is reused only for that exact revision, so it is never stale. It saves
/// loading and scheduling a 2,000-item plan on every page view and chart.
final class PlanCache: Sendable {
    static let capacity = 24

    private struct Entry {
        var revision: Int
        var plan: ProjectPlan
    }

    private let entries = NIOLockedValueBox<[UUID: Entry]>([:])

    func plan(for projectID: UUID, revision: Int) -> ProjectPlan? {
        entries.withLockedValue { entries in
            guard let entry = entries[projectID], entry.revision == revision else { return nil }
            return entry.plan
        }
    }

    func store(_ plan: ProjectPlan, revision: Int) {
        entries.withLockedValue { entries in
            if entries.count >= Self.capacity, entries[plan.projectID] == nil { entries.remove(at: entries.startIndex) }
            entries[plan.projectID] = Entry(revision: revision, plan: plan)
        }
    }
}
