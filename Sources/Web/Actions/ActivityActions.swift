import Domain
import Foundation
import Persistence

/// One history entry with the names it needs to be read: who, and what it is about.
struct ActivityItem: Sendable {
    var entry: ActivityEntry
    /// The person named by the entry's actor; nil for "the team" (records that do not keep who made them).
    var actorID: UUID?
    var actorName: String?
    /// The object's name (a scope version's number); nil when the object is gone.
    var objectLabel: String?
}

/// A project's history for its team, or the customer-visible part of it for a contact.
enum ActivityActions {
    /// Every entry the viewer may see, newest first. The customer's part is decided by `CustomerVisibility`,
    /// the same rule as every other list they get.
    static func feed(_ project: ProjectRecord, customerView: Bool, in ctx: ActionContext) async throws -> [ActivityItem] {
        let projectID = try project.requireID()
        let plan = try await ProjectPlan.load(project, customerView: customerView, in: ctx)
        let versions = try await ScopeStore.versions(projectID: projectID, on: ctx.db)
        var labels: [UUID: String] = plan.titles
        var deliverableMilestones: [UUID: UUID] = [:]
        for detail in plan.milestoneDetails {
            labels[detail.milestone.id] = detail.milestone.name
            for deliverable in detail.deliverables {
                labels[deliverable.id] = deliverable.name
                deliverableMilestones[deliverable.id] = detail.milestone.id
            }
        }
        for version in versions { labels[try version.requireID()] = String(version.number) }
        for meeting in try await MeetingStore.meetings(projectID: projectID, onlyCustomerVisible: false, on: ctx.db) {
            labels[meeting.id] = meeting.title
            for item in meeting.minutes?.actionItems ?? [] { labels[item.id] = item.title }
        }
        var entries = try await ActivityStore.entries(projectID: projectID, on: ctx.db)
        if customerView {
            let visibility = plan.customerVisibility
            let scopes = Set(try versions.map { try $0.requireID() })
            entries = entries.filter { visibility.shows($0, scopeVersions: scopes, deliverableMilestones: deliverableMilestones) }
        }
        let names = try await ActivityStore.actorNames(entries, on: ctx.db)
        return entries.map { entry in
            let person = entry.actorID?.id
            return ActivityItem(
                entry: entry, actorID: person.flatMap { names[$0] == nil ? nil : $0 }, actorName: person.flatMap { names[$0] },
                objectLabel: labels[entry.objectID])
        }
    }

    /// When the viewer last looked at the project's history (nil on a first visit), and marks this visit.
    static func visit(_ projectID: UUID, in ctx: ActionContext) async throws -> Date? {
        guard let person = ctx.identity.memberID ?? ctx.identity.contactID else { return nil }
        let previous = try await VisitStore.lastVisit(person: person, project: projectID, on: ctx.db)
        let now = ctx.now
        do {
            try await ctx.write { db in try await VisitStore.markVisited(person: person, project: projectID, at: now, on: db) }
        } catch {
            // Two first visits at once: the other request's insert won (unique person+project) and holds
            // the same mark. Bookkeeping must not turn a page view into an error.
            ctx.logger.notice("visit mark not recorded: \(String(reflecting: error))")
        }
        return previous
    }
}
