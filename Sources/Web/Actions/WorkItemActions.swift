import Domain
import Fluent
import Foundation
import Persistence
import Vapor

struct CreateWorkItemRequest: Decodable {
    var title: String
    var startDate: String
    var dueDate: String
    var estimateHours: Double?
    var assigneeId: UUID?
    var milestoneId: UUID?
    var dependsOn: [UUID]?
    var dependencyLags: [DependencyLag]?
    var visibleToCustomer: Bool
    var isKey: Bool?
    /// Saves dates far outside the project (`FarDate`) that would otherwise need confirming.
    var confirm: Bool?
}

struct UpdateWorkItemRequest: Decodable {
    var title: String?
    var progress: Int?
    var status: WorkItemStatus?
    var startDate: String?
    var dueDate: String?
    var estimateHours: Double?
    var assigneeId: UUID?
    var milestoneId: UUID?
    var dependsOn: [UUID]?
    var dependencyLags: [DependencyLag]?
    var visibleToCustomer: Bool?
    var isKey: Bool?
    var confirm: Bool?
}

/// Work items: dates, owner, dependencies (cycle-checked), progress (recorded for the burn-up chart).
enum WorkItemActions {
    static func create(_ input: CreateWorkItemRequest, projectID: UUID, in ctx: ActionContext) async throws -> WorkItem {
        let (record, dependencies, start, due) = try prepare(input, projectID: projectID, now: ctx.now)
        try await checkReferences(assignee: input.assigneeId, milestone: input.milestoneId, projectID: projectID, on: ctx.db)
        try await FarDateCheck.require([("startDate", start), ("dueDate", due)], projectID: projectID, confirmed: input.confirm, on: ctx.db)
        return try await ctx.writePlan(projectID: projectID) { db in
            try await insert(record, dependencies: dependencies, projectID: projectID, on: db)
        }
    }

    /// `create` inside a caller's transaction that bumps the plan's revision itself (`writePlan`, or
    /// `writeAudited(planOf:)`): the same checks and the same insert, for work that other use cases make (a
    /// confirmed meeting's action items). Dates far outside the project are not asked about: the caller agreed them.
    static func create(_ input: CreateWorkItemRequest, projectID: UUID, now: Date, inPlanWrite db: any Database) async throws -> WorkItem {
        let (record, dependencies, _, _) = try prepare(input, projectID: projectID, now: now)
        try await checkReferences(assignee: input.assigneeId, milestone: input.milestoneId, projectID: projectID, on: db)
        return try await insert(record, dependencies: dependencies, projectID: projectID, on: db)
    }

    private static func prepare(
        _ input: CreateWorkItemRequest, projectID: UUID, now: Date
    ) throws -> (WorkItemRecord, [WorkItem.Dependency], LocalDate, LocalDate) {
        let record = WorkItemRecord()
        record.projectID = projectID
        record.title = try Validate.text(input.title, field: "title")
        let start = try Validate.date(input.startDate, field: "startDate")
        let due = try Validate.date(input.dueDate, field: "dueDate")
        try Validate.span(start: start, due: due)
        record.startDate = start.description
        record.dueDate = due.description
        record.estimateHours = try input.estimateHours.map { try Validate.range($0, 0...100_000, field: "estimateHours") }
        record.assigneeID = input.assigneeId
        record.milestoneID = input.milestoneId
        record.visibleToCustomer = input.visibleToCustomer
        record.isKey = input.isKey ?? false
        record.progress = 0
        record.status = WorkItemStatus.todo
        record.createdAt = now
        record.id = UUID()
        return (record, try dependencyList(input.dependsOn ?? [], lags: input.dependencyLags), start, due)
    }

    private static func insert(
        _ record: WorkItemRecord, dependencies: [WorkItem.Dependency], projectID: UUID, on db: any Database
    ) async throws -> WorkItem {
        try await checkDependenciesExist(dependencies, projectID: projectID, on: db)
        try await record.create(on: db)
        try await PlanStore.setDependencies(dependencies, of: try record.requireID(), projectID: projectID, isNew: true, on: db)
        return try record.domain(dependencies: dependencies)
    }

    /// Applies the fields `input` names to the item as it is stored when the transaction runs (the row is
    /// locked and re-read there), so two edits of different fields at once both survive. `clearing` names the
    /// nullable fields sent as null (`estimateHours`, `assigneeId`, `milestoneId`).
    static func update(
        _ record: WorkItemRecord, with input: UpdateWorkItemRequest, clearing: Set<String> = [], in ctx: ActionContext
    ) async throws -> WorkItem {
        let id = try record.requireID()
        let projectID = record.projectID
        let title = try input.title.map { try Validate.text($0, field: "title") }
        let newStart = try input.startDate.map { try Validate.date($0, field: "startDate") }
        let newDue = try input.dueDate.map { try Validate.date($0, field: "dueDate") }
        let hours = try input.estimateHours.map { try Validate.range($0, 0...100_000, field: "estimateHours") }
        try await checkReferences(assignee: input.assigneeId, milestone: input.milestoneId, projectID: projectID, on: ctx.db)
        let newDependencies = try input.dependsOn.map { try dependencyList($0, lags: input.dependencyLags) }
        try await FarDateCheck.require([("startDate", newStart), ("dueDate", newDue)], projectID: projectID, confirmed: input.confirm, on: ctx.db)
        let now = ctx.now
        return try await ctx.writePlan(projectID: projectID) { db in
            try await RowLock.lock(WorkItemRecord.schema, id: id, on: db)
            guard let fresh = try await WorkItemRecord.find(id, on: db) else { throw DomainError.notFound }
            if let title { fresh.title = title }
            if newStart != nil || newDue != nil {
                guard let storedStart = LocalDate(fresh.startDate), let storedDue = LocalDate(fresh.dueDate) else {
                    throw StoredValueError(table: WorkItemRecord.schema, id: id, column: "start_date/due_date")
                }
                let start = newStart ?? storedStart
                let due = newDue ?? storedDue
                try Validate.span(start: start, due: due)
                fresh.startDate = start.description
                fresh.dueDate = due.description
            }
            if let hours { fresh.estimateHours = hours } else if clearing.contains("estimateHours") { fresh.estimateHours = nil }
            if let assignee = input.assigneeId { fresh.assigneeID = assignee } else if clearing.contains("assigneeId") { fresh.assigneeID = nil }
            if let milestone = input.milestoneId {
                fresh.milestoneID = milestone
            } else if clearing.contains("milestoneId") {
                fresh.milestoneID = nil
            }
            if let visible = input.visibleToCustomer { fresh.visibleToCustomer = visible }
            if let key = input.isKey { fresh.isKey = key }
            let progressChanged = try applyProgress(input, to: fresh)
            if let newDependencies {
                try await checkDependenciesExist(newDependencies, projectID: projectID, on: db)
                let items = try await PlanStore.workItems(projectID: projectID, on: db)
                var graph = Dictionary(uniqueKeysWithValues: items.map { ($0.id, $0.dependsOn) })
                graph[id] = newDependencies.map(\.predecessorID)
                try DependencyGraph.requireAcyclic(graph, titles: Dictionary(uniqueKeysWithValues: items.map { ($0.id, $0.title) }))
                try await PlanStore.setDependencies(newDependencies, of: id, projectID: projectID, on: db)
            }
            try await fresh.update(on: db)
            if progressChanged {
                try await ProgressEventRecord(projectID: projectID, workItemID: id, progress: fresh.progress, at: now).create(on: db)
            }
            return try fresh.domain(dependencies: try await PlanStore.dependencies(of: id, on: db))
        }
    }

    /// Removes the item with its dependency links and progress history; refused, writing nothing, while other items
    /// depend on it.
    static func remove(_ record: WorkItemRecord, in ctx: ActionContext) async throws {
        let id = try record.requireID()
        let projectID = record.projectID
        let actor = try MilestoneCorrections.actor(in: ctx)
        let now = ctx.now
        try await ctx.writeAudited(planOf: projectID) { db, audit in
            try await RowLock.lock(WorkItemRecord.schema, id: id, on: db)
            guard let fresh = try await WorkItemRecord.find(id, on: db) else { throw DomainError.notFound }
            try Corrections.requireWorkItemRemovable(dependents: try await CorrectionStore.dependents(of: id, on: db))
            try await CorrectionStore.deleteWorkItem(id, on: db)
            try await audit.append(
                on: db, at: now, actor: actor, action: HistoryAction.workItemDeleted, objectType: "work_item", objectID: id,
                projectID: projectID, content: [("title", fresh.title), ("startDate", fresh.startDate), ("dueDate", fresh.dueDate)])
        }
    }

    /// Progress and status move together (`WorkProgress`); only a request that names one of them writes them.
    /// True when the progress changed, which the burn-up chart records.
    private static func applyProgress(_ input: UpdateWorkItemRequest, to record: WorkItemRecord) throws -> Bool {
        guard input.progress != nil || input.status != nil else { return false }
        let before = WorkProgress.State(progress: record.progress, status: record.status)
        let after = try WorkProgress.apply(progress: input.progress, status: input.status, to: before)
        record.progress = after.progress
        record.status = after.status
        return after.progress != before.progress
    }

    private static func dependencyList(_ ids: [UUID], lags: [DependencyLag]?) throws -> [WorkItem.Dependency] {
        guard ids.count <= 200 else { throw DomainError.validation(field: "dependsOn", rule: .tooMany(200, unit: "dependencies")) }
        let lagByID = Dictionary((lags ?? []).map { ($0.id, $0.lagDays) }, uniquingKeysWith: { $1 })
        for (index, lag) in (lags ?? []).enumerated() {
            guard ids.contains(lag.id) else {
                throw DomainError.validation(field: "dependencyLags[\(index)].id", rule: .lagNeedsDependency)
            }
            _ = try Validate.range(lag.lagDays, -365...365, field: "dependencyLags[\(index)].lagDays")
        }
        var seen = Set<UUID>()
        return ids.filter { seen.insert($0).inserted }.map { WorkItem.Dependency(predecessorID: $0, lagDays: lagByID[$0] ?? 0) }
    }

    /// A new item cannot close a cycle (nothing depends on it yet), so only existence is checked here.
    private static func checkDependenciesExist(_ deps: [WorkItem.Dependency], projectID: UUID, on db: any Database) async throws {
        guard !deps.isEmpty else { return }
        let ids = deps.map(\.predecessorID)
        let found = try await PlanStore.countItems(ids, projectID: projectID, on: db)
        guard found == Set(ids).count else {
            throw DomainError.validation(field: "dependsOn", rule: .notProjectItems)
        }
    }

    /// The assignee is a member of the project's workspace, the milestone one of the project's.
    private static func checkReferences(assignee: UUID?, milestone: UUID?, projectID: UUID, on db: any Database) async throws {
        if let assignee {
            guard let member = try await MemberRecord.find(assignee, on: db), let project = try await ProjectRecord.find(projectID, on: db),
                member.workspaceID == project.workspaceID
            else {
                throw DomainError.validation(field: "assigneeId", rule: .notMember)
            }
        }
        if let milestone {
            guard let found = try await MilestoneRecord.find(milestone, on: db), found.projectID == projectID else {
                throw DomainError.validation(field: "milestoneId", rule: .notMilestone)
            }
        }
    }
}
