import Foundation

/// Progress and end date are derived from the work items, never stored.
public enum ProjectProgress {
    /// Estimate-weighted progress 0–100; items without an estimate weigh one hour; done counts as 100.
    public static func percent(of items: [WorkItem]) -> Int {
        guard !items.isEmpty else { return 0 }
        var weighted = 0.0
        var total = 0.0
        for item in items {
            let weight = max(item.estimateHours ?? 1, 0.01)
            let progress = item.status == .done ? 100 : item.progress
            weighted += weight * Double(progress)
            total += weight
        }
        return Int((weighted / total).rounded())
    }

    /// The latest due date of the work items and milestones, or nil for an empty plan.
    public static func endDate(items: [WorkItem], milestones: [Milestone]) -> LocalDate? {
        (items.map(\.dueDate) + milestones.map(\.dueDate)).max()
    }
}
