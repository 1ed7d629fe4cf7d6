import Domain
import Fluent
import Foundation

public final class ProjectRecord: Model, @unchecked Sendable {
    public static let schema = "projects"
    @ID public var id: UUID?
    @Field(key: "workspace_id") public var workspaceID: UUID
    @Field(key: "customer_id") public var customerID: UUID
    @Field(key: "name") public var name: String
    @Field(key: "goals") public var goalsJSON: String
    @Field(key: "time_zone") public var timeZone: String
    @Field(key: "start_date") public var startDate: String
    @Field(key: "currency") public var currency: String
    @OptionalField(key: "budget_minor") public var budgetMinor: Int?
    @Field(key: "status") public var status: ProjectStatus
    @Field(key: "created_at") public var createdAt: Date
    /// Bumped by `PlanRevision.bump` whenever the plan changes; never set by hand.
    @Field(key: "plan_revision") public var planRevision: Int
    /// Archived projects leave the default lists but stay readable.
    @Field(key: "archived") public var archived: Bool
    public init() {}
}

public final class ScopeVersionRecord: Model, @unchecked Sendable {
    public static let schema = "scope_versions"
    @ID public var id: UUID?
    @Field(key: "project_id") public var projectID: UUID
    @Field(key: "number") public var number: Int
    @Field(key: "goals") public var goalsJSON: String
    @Field(key: "in_scope") public var inScopeJSON: String
    @Field(key: "out_of_scope") public var outOfScopeJSON: String
    @OptionalField(key: "notes") public var notes: String?
    @Field(key: "status") public var status: ScopeStatus
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "signed_off_by") public var signedOffBy: UUID?
    @OptionalField(key: "signed_off_at") public var signedOffAt: Date?
    @OptionalField(key: "sign_off_comment") public var signOffComment: String?
    @OptionalField(key: "changes_requested_by") public var changesRequestedBy: UUID?
    @OptionalField(key: "changes_requested_at") public var changesRequestedAt: Date?
    @OptionalField(key: "changes_requested_comment") public var changesRequestedComment: String?
    public init() {}

    /// The Domain value; lists that do not read as JSON are an error naming the row.
    public func domain() throws -> ScopeVersion {
        let id = try requireID()
        func list(_ json: String, _ column: String) throws -> [String] {
            guard let values = try? JSONDecoder().decode([String].self, from: Data(json.utf8)) else {
                throw StoredValueError(table: Self.schema, id: id, column: column)
            }
            return values
        }
        return ScopeVersion(
            id: id, projectID: projectID, number: number, goals: try list(goalsJSON, "goals"),
            inScope: try list(inScopeJSON, "in_scope"), outOfScope: try list(outOfScopeJSON, "out_of_scope"),
            notes: notes, status: status, createdAt: createdAt, signedOffBy: signedOffBy, signedOffAt: signedOffAt,
            signOffComment: signOffComment, changesRequestedBy: changesRequestedBy, changesRequestedAt: changesRequestedAt,
            changesRequestedComment: changesRequestedComment)
    }
}

public final class MilestoneRecord: Model, @unchecked Sendable {
    public static let schema = "milestones"
    @ID public var id: UUID?
    @Field(key: "project_id") public var projectID: UUID
    @Field(key: "name") public var name: String
    @OptionalField(key: "description") public var details: String?
    @Field(key: "due_date") public var dueDate: String
    @Field(key: "visible_to_customer") public var visibleToCustomer: Bool
    @Field(key: "created_at") public var createdAt: Date
    public init() {}

    /// The Domain value; an unreadable stored date is an error naming the row.
    public func domain() throws -> Milestone {
        let id = try requireID()
        guard let due = LocalDate(dueDate) else { throw StoredValueError(table: Self.schema, id: id, column: "due_date") }
        return Milestone(id: id, projectID: projectID, name: name, description: details, dueDate: due, visibleToCustomer: visibleToCustomer)
    }
}

public final class DeliverableRecord: Model, @unchecked Sendable {
    public static let schema = "deliverables"
    @ID public var id: UUID?
    @Field(key: "milestone_id") public var milestoneID: UUID
    @Field(key: "project_id") public var projectID: UUID
    @Field(key: "name") public var name: String
    @OptionalField(key: "acceptance_criteria") public var acceptanceCriteria: String?
    @Field(key: "status") public var status: DeliverableStatus
    @OptionalField(key: "submission_note") public var submissionNote: String?
    @OptionalField(key: "link") public var link: String?
    @OptionalField(key: "decision_comment") public var decisionComment: String?
    @OptionalField(key: "decided_by") public var decidedBy: UUID?
    @OptionalField(key: "decided_at") public var decidedAt: Date?
    @Field(key: "created_at") public var createdAt: Date
    public init() {}

    public func domain() throws -> Deliverable {
        Deliverable(
            id: try requireID(), milestoneID: milestoneID, projectID: projectID, name: name, acceptanceCriteria: acceptanceCriteria,
            status: status, submissionNote: submissionNote, link: link, decisionComment: decisionComment,
            decidedBy: decidedBy, decidedAt: decidedAt, createdAt: createdAt)
    }
}

public final class WorkItemRecord: Model, @unchecked Sendable {
    public static let schema = "work_items"
    @ID public var id: UUID?
    @Field(key: "project_id") public var projectID: UUID
    @Field(key: "title") public var title: String
    @Field(key: "start_date") public var startDate: String
    @Field(key: "due_date") public var dueDate: String
    @OptionalField(key: "estimate_hours") public var estimateHours: Double?
    @OptionalField(key: "assignee_id") public var assigneeID: UUID?
    @OptionalField(key: "milestone_id") public var milestoneID: UUID?
    @Field(key: "visible_to_customer") public var visibleToCustomer: Bool
    @Field(key: "is_key") public var isKey: Bool
    @Field(key: "progress") public var progress: Int
    @Field(key: "status") public var status: WorkItemStatus
    @Field(key: "created_at") public var createdAt: Date
    public init() {}

    /// The Domain value; `dependencies` come from `work_item_dependencies`.
    /// An unreadable stored date is an error naming the row.
    public func domain(dependencies: [WorkItem.Dependency]) throws -> WorkItem {
        let id = try requireID()
        guard let start = LocalDate(startDate) else { throw StoredValueError(table: Self.schema, id: id, column: "start_date") }
        guard let due = LocalDate(dueDate) else { throw StoredValueError(table: Self.schema, id: id, column: "due_date") }
        return WorkItem(
            id: id, projectID: projectID, title: title, startDate: start, dueDate: due,
            estimateHours: estimateHours, assigneeID: assigneeID, milestoneID: milestoneID,
            dependencies: dependencies, visibleToCustomer: visibleToCustomer, isKey: isKey,
            progress: progress, status: status)
    }
}

public final class WorkItemDependencyRecord: Model, @unchecked Sendable {
    public static let schema = "work_item_dependencies"
    @ID public var id: UUID?
    @Field(key: "project_id") public var projectID: UUID
    @Field(key: "work_item_id") public var workItemID: UUID
    @Field(key: "depends_on_id") public var dependsOnID: UUID
    @Field(key: "lag_days") public var lagDays: Int
    public init() {}
    public init(projectID: UUID, workItemID: UUID, dependsOnID: UUID, lagDays: Int) {
        self.projectID = projectID
        self.workItemID = workItemID
        self.dependsOnID = dependsOnID
        self.lagDays = lagDays
    }
}

/// Every recorded progress change, for the burn-up chart.
public final class ProgressEventRecord: Model, @unchecked Sendable {
    public static let schema = "progress_events"
    @ID public var id: UUID?
    @Field(key: "project_id") public var projectID: UUID
    @Field(key: "work_item_id") public var workItemID: UUID
    @Field(key: "progress") public var progress: Int
    @Field(key: "at") public var at: Date
    public init() {}
    public init(projectID: UUID, workItemID: UUID, progress: Int, at: Date) {
        self.projectID = projectID
        self.workItemID = workItemID
        self.progress = progress
        self.at = at
    }
}

public final class AuditEntryRecord: Model, @unchecked Sendable {
    public static let schema = "audit_entries"
    @ID public var id: UUID?
    @Field(key: "seq") public var seq: Int
    @Field(key: "at") public var at: Date
    @Field(key: "actor") public var actor: String
    @Field(key: "action") public var action: String
    @Field(key: "object_type") public var objectType: String
    @Field(key: "object_id") public var objectID: UUID
    @OptionalField(key: "project_id") public var projectID: UUID?
    @Field(key: "content_hash") public var contentHash: String
    @Field(key: "prev_hash") public var prevHash: String
    @Field(key: "hash") public var hash: String
    public init() {}

    public var domain: AuditEntry {
        AuditEntry(
            seq: seq, at: at, actor: actor, action: action, objectType: objectType, objectID: objectID,
            projectID: projectID, contentHash: contentHash, prevHash: prevHash, hash: hash)
    }
}
