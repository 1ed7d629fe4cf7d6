import Foundation

/// One thing that happened in a project: from the audit log, or derived from a record that keeps when it was
/// made (a proposed scope version, a new milestone, a progress update). The project's history is these,
/// newest first.
public struct ActivityEntry: Sendable, Equatable {
    public var at: Date
    /// `contact:<id>` or `member:<id>` as the audit log names people; nil when only "the team" is known.
    public var actor: String?
    /// A dotted name such as `scope.sign_off`; the sentence for it lives in the catalogue (`activity.<action>`).
    public var action: String
    /// `scope_version`, `milestone`, `deliverable`, `work_item`, or whatever a newer action records.
    public var objectType: String
    public var objectID: UUID
    /// A value the sentence may show (e.g. the progress reached); nil when there is none.
    public var detail: String?

    public init(at: Date, actor: String?, action: String, objectType: String, objectID: UUID, detail: String? = nil) {
        self.at = at
        self.actor = actor
        self.action = action
        self.objectType = objectType
        self.objectID = objectID
        self.detail = detail
    }

    /// The object types of the plan a customer may see (when the object itself is visible).
    public enum ObjectType {
        public static let scopeVersion = "scope_version"
        public static let milestone = "milestone"
        public static let deliverable = "deliverable"
        public static let workItem = "work_item"
    }

    /// Actions derived from records rather than read from the audit log.
    public enum Derived {
        public static let scopePropose = "scope.propose"
        public static let milestoneCreate = "milestone.create"
        public static let deliverableCreate = "deliverable.create"
        public static let workItemCreate = "work_item.create"
        public static let workItemProgress = "work_item.progress"
    }

    /// The person an actor string names, if it names one.
    public var actorID: (kind: String, id: UUID)? {
        guard let actor, let colon = actor.firstIndex(of: ":"), let id = UUID(uuidString: String(actor[actor.index(after: colon)...])) else {
            return nil
        }
        return (String(actor[..<colon]), id)
    }

    /// Newest first; entries at the same instant keep a stable order (by action, then object), so pages do not shuffle.
    public static func newestFirst(_ entries: [ActivityEntry]) -> [ActivityEntry] {
        entries.sorted { a, b in
            if a.at != b.at { return a.at > b.at }
            if a.action != b.action { return a.action < b.action }
            return a.objectID.uuidString < b.objectID.uuidString
        }
    }
}
