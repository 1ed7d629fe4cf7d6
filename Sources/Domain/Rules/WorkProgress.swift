/// How progress and status move together: done means 100 %, reaching 100 % means done, and starting
/// work (progress above zero) moves an item that was still "to do" to "doing". An explicit status wins.
public enum WorkProgress {
    public struct State: Equatable, Sendable {
        public var progress: Int
        public var status: WorkItemStatus

        public init(progress: Int, status: WorkItemStatus) {
            self.progress = progress
            self.status = status
        }
    }

    /// The state after a change of `progress` and/or `status` (nil leaves it as asked of the rule).
    /// Progress outside 0–100 is refused, naming the field.
    public static func apply(progress: Int?, status: WorkItemStatus?, to current: State) throws -> State {
        var next = current
        if let progress { next.progress = try Validate.range(progress, 0...100, field: "progress") }
        if let status {
            next.status = status
            if status == .done { next.progress = 100 }
        } else if progress == 100 {
            next.status = .done
        } else if let progress, progress > 0, current.status == .todo {
            next.status = .doing
        }
        return next
    }
}
