import Foundation

/// The audit actions of corrections: removals and status changes, which the project's history (activity) shows.
/// `objectType` is the object's kind in snake case (`milestone`, `deliverable`, `work_item`, `contact`, `project`).
public enum HistoryAction {
    public static let projectStatusChanged = "project.status_changed"
    public static let projectArchived = "project.archived"
    public static let projectUnarchived = "project.unarchived"
    public static let milestoneDeleted = "milestone.deleted"
    public static let deliverableDeleted = "deliverable.deleted"
    public static let workItemDeleted = "work_item.deleted"
    public static let contactDeleted = "contact.deleted"
    public static let contactDeactivated = "contact.deactivated"
    public static let contactReactivated = "contact.reactivated"
    /// A contact confirmed a meeting's minutes (audited like a sign-off: the entry holds the minutes' hash).
    public static let minutesConfirmed = "meeting.minutes_confirmed"
    /// The team marked a customer's action item done.
    public static let actionItemDone = "action_item.done"

    /// Every correction action, for the history's sentences (each has `activity.<action>` in the catalogue).
    public static let all = [
        projectStatusChanged, projectArchived, projectUnarchived, milestoneDeleted, deliverableDeleted, workItemDeleted, contactDeleted,
        contactDeactivated, contactReactivated, minutesConfirmed, actionItemDone,
    ]

    /// How a team member is named as an entry's actor.
    public static func memberActor(_ id: UUID) -> String { "member:\(id.uuidString.lowercased())" }
}
