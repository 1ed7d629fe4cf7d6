import Foundation

extension CustomerVisibility {
    /// Whether a customer may see a history entry: only entries about objects they may see — every scope
    /// version of their project, visible milestones, the deliverables of visible milestones, visible work
    /// items. Anything else (internal objects, deleted ones, types added later) stays with the team.
    ///
    /// - Parameter deliverableMilestones: each deliverable's milestone, for the whole plan.
    public func shows(_ entry: ActivityEntry, scopeVersions: Set<UUID>, deliverableMilestones: [UUID: UUID]) -> Bool {
        switch entry.objectType {
        case ActivityEntry.ObjectType.scopeVersion: scopeVersions.contains(entry.objectID)
        case ActivityEntry.ObjectType.milestone: milestones.contains(entry.objectID)
        case ActivityEntry.ObjectType.deliverable: deliverableMilestones[entry.objectID].map(milestones.contains) ?? false
        case ActivityEntry.ObjectType.workItem: items.contains(entry.objectID)
        default: false
        }
    }
}
