/// What may be edited or removed without breaking the record. Refusals are conflicts that say why, so the person
/// knows what to do instead; nothing on record (a decision in the audit log) is ever silently lost.
public enum Corrections {
    /// A deliverable's text may change until the customer decided on it: an accepted one is final, and a returned one
    /// keeps the text the customer returned (the audit entry vouches for it) until it is submitted again.
    public static func requireEditable(_ status: DeliverableStatus) throws {
        switch status {
        case .open, .submitted: return
        case .accepted: throw DomainError.conflict("an accepted deliverable cannot be changed")
        case .returned: throw DomainError.conflict("a returned deliverable keeps the text the customer returned until it is submitted again")
        }
    }

    /// Only a deliverable nobody has seen yet (open) may be removed: a submitted one waits on the customer, a decided
    /// one is on record.
    public static func requireRemovable(_ status: DeliverableStatus) throws {
        guard status == .open else {
            throw DomainError.conflict("a deliverable that is \(status.rawValue) cannot be removed: it was shown to the customer")
        }
    }

    /// A milestone goes with its deliverables, so each of them must be removable; its work items stay (detached).
    public static func requireMilestoneRemovable(deliverables: [DeliverableStatus]) throws {
        if let shown = deliverables.first(where: { $0 != .open }) {
            throw DomainError.conflict("this milestone has a deliverable that is \(shown.rawValue); it cannot be removed")
        }
    }

    /// A work item other items depend on is refused, naming them (the team sees every title).
    public static func requireWorkItemRemovable(dependents: [String]) throws {
        guard dependents.isEmpty else {
            let names = dependents.sorted().prefix(5).joined(separator: ", ")
            throw DomainError.conflict("\(dependents.count) work item(s) depend on this one (\(names)); remove those dependencies first")
        }
    }

    /// What removing a contact does.
    public enum ContactRemoval: Sendable, Equatable {
        /// Gone, with their access and links.
        case delete
        /// Kept (their name stays on what they signed or decided) but inactive: no sign-in, no new invitation.
        case deactivate
    }

    public static func contactRemoval(hasDecided: Bool) -> ContactRemoval {
        hasDecided ? .deactivate : .delete
    }
}
