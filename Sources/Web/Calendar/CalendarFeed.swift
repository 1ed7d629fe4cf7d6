import Domain
import Foundation
import Persistence

/// Where a feed's entries come from. Milestones are one source; the meetings part adds its own to
/// `CalendarFeed.sources`, and every feed (a project's, a person's) then carries them too.
protocol CalendarEventSource: Sendable {
    /// The entries of `projects` that `view`'s reader may see (`customerView`: a contact, customer-visible entries only),
    /// worded in `view.language`; with `view.spansProjects` a summary names its project.
    func events(for projects: [ProjectRecord], view: CalendarFeed.View, in ctx: ActionContext) async throws -> [CalendarEvent]
}

/// Builds the `.ics` text of a project's feed and of a person's secret feed from the registered sources.
enum CalendarFeed {
    /// Who reads the feed, and in which language.
    struct View: Sendable {
        var customerView: Bool
        var language: Language
        /// True for a person's feed over several projects: summaries name the project.
        var spansProjects: Bool

        /// The link to a project for this reader: the portal's page for a contact, the team's page for a member.
        func projectURL(_ projectID: UUID, in ctx: ActionContext) -> String {
            ctx.config.baseURL.absoluteString + (customerView ? PagePath.portalProject(projectID) : PagePath.project(projectID)).description
        }
    }

    /// Every source of entries.
    static let sources: [any CalendarEventSource] = [MilestoneCalendarSource(), MeetingCalendarSource()]

    static let contentType = ICalendar.mediaType

    /// The feed of `projects` for `view`, calendar name `name`; entries ordered by start, then UID (stable text).
    static func document(projects: [ProjectRecord], view: View, name: String, in ctx: ActionContext) async throws -> String {
        var events: [CalendarEvent] = []
        for source in sources { events += try await source.events(for: projects, view: view, in: ctx) }
        events.sort { lhs, rhs in
            let (left, right) = (sortKey(lhs), sortKey(rhs))
            return left == right ? lhs.uid < rhs.uid : left < right
        }
        return ICalendar.document(method: .publish, events: events, stamp: ctx.now, name: name)
    }

    private static func sortKey(_ event: CalendarEvent) -> Double {
        switch event.timing {
        case .allDay(let date): Double(date.dayNumber) * 86_400
        case .timed(let start, _): start.timeIntervalSince1970
        }
    }
}

/// Milestones as all-day entries on their due dates; internal ones only for the team.
struct MilestoneCalendarSource: CalendarEventSource {
    func events(for projects: [ProjectRecord], view: CalendarFeed.View, in ctx: ActionContext) async throws -> [CalendarEvent] {
        let catalogue = ctx.services.catalogue
        let byID = Dictionary(uniqueKeysWithValues: try projects.map { (try $0.requireID(), $0) })
        let milestones = try await CalendarFeedStore.milestones(
            projectIDs: Array(byID.keys), onlyCustomerVisible: view.customerView, on: ctx.db)
        return milestones.compactMap { milestone in
            guard let project = byID[milestone.projectID] else { return nil }
            let summary =
                view.spansProjects
                ? catalogue.text("calendar.milestone.summaryInProject", view.language, [milestone.name, project.name])
                : catalogue.text("calendar.milestone.summary", view.language, [milestone.name])
            let projectLine = catalogue.text("calendar.project", view.language, [project.name])
            let description = [projectLine, milestone.description ?? ""].filter { !$0.isEmpty }.joined(separator: "\n\n")
            return .milestone(milestone, summary: summary, description: description, url: view.projectURL(milestone.projectID, in: ctx))
        }
    }
}
