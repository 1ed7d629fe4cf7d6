/// Which status and archive changes a project may make. A project starts in planning and never goes back to it;
/// active and on hold move freely between each other; any of them may close; a closed project may be reopened (to
/// active). Only a closed project is archived, and an archived one keeps its status until it is taken out of the archive.
public enum ProjectLifecycle {
    public static func allows(from current: ProjectStatus, to next: ProjectStatus) -> Bool {
        if current == next { return true }
        switch (current, next) {
        case (.planning, .active), (.planning, .onHold), (.planning, .closed): return true
        case (.active, .onHold), (.active, .closed): return true
        case (.onHold, .active), (.onHold, .closed): return true
        case (.closed, .active): return true
        default: return false
        }
    }

    /// The status and archive flag after a change asking for `status` and `archived` (nil: unchanged), or a conflict
    /// naming why not. The status change is applied first, so "close and archive" is one request.
    public static func apply(
        status: ProjectStatus?, archived: Bool?, to current: (status: ProjectStatus, archived: Bool)
    ) throws -> (status: ProjectStatus, archived: Bool) {
        var result = current
        if let status, status != current.status {
            guard !(current.archived && archived != false) else {
                throw DomainError.conflict("an archived project keeps its status; take it out of the archive first")
            }
            guard allows(from: current.status, to: status) else {
                throw DomainError.conflict("a project that is \(current.status.rawValue) cannot become \(status.rawValue)")
            }
            result.status = status
        }
        if let archived {
            if archived && !current.archived && result.status != .closed {
                throw DomainError.conflict("only a closed project can be archived")
            }
            result.archived = archived
        }
        return result
    }
}
