import Domain
import Fluent
import Foundation
import Persistence
import Vapor

struct CreateProjectRequest: Decodable {
    var customerId: UUID
    var name: String
    var timeZone: String
    var startDate: String
    var goals: [String]
    var currency: String?
    var budgetMinor: Int?
}

struct UpdateProjectRequest: Decodable {
    var name: String?
    var goals: [String]?
    var timeZone: String?
    var startDate: String?
    var status: ProjectStatus?
    var currency: String?
    var budgetMinor: Int?
    var archived: Bool?
}

/// Progress and end date, derived from the plan (scheduled once per plan revision, see `PlanCache`).
/// A customer's are computed from what they may see only.
struct PlanSummary {
    var progress: Int
    var endDate: LocalDate?

    init(progress: Int, endDate: LocalDate?) {
        self.progress = progress
        self.endDate = endDate
    }

    init(_ plan: ProjectPlan, customerView: Bool) {
        self.init(progress: plan.progress(customerView: customerView), endDate: plan.plannedEnd(customerView: customerView))
    }

    static func load(_ project: ProjectRecord, customerView: Bool, in ctx: ActionContext) async throws -> PlanSummary {
        if let plan = try? await ProjectPlan.load(project, customerView: true, in: ctx) {
            return PlanSummary(plan, customerView: customerView)
        }
        // A plan that cannot be scheduled still has a progress and a latest due date.
        let items = AccessPolicy.shown(try await PlanStore.workItems(projectID: try project.requireID(), on: ctx.db), toCustomer: customerView)
        let milestones = AccessPolicy.shown(try await PlanStore.milestones(projectID: try project.requireID(), on: ctx.db), toCustomer: customerView)
        return PlanSummary(progress: ProjectProgress.percent(of: items), endDate: ProjectProgress.endDate(items: items, milestones: milestones))
    }
}

extension ProjectRecord {
    /// The record as stored now: after a plan write the revision in memory is one behind.
    func refreshed(on db: any Database) async throws -> ProjectRecord {
        try await ProjectRecord.find(id, on: db) ?? self
    }
}

enum ProjectActions {
    static func create(_ input: CreateProjectRequest, in ctx: ActionContext) async throws -> ProjectRecord {
        let name = try Validate.text(input.name, field: "name")
        let timeZone = try Validate.timeZone(input.timeZone)
        let start = try Validate.date(input.startDate, field: "startDate")
        let goals = try Validate.lines(input.goals, field: "goals")
        let currency = try Validate.currency(input.currency ?? "CNY")
        if let budget = input.budgetMinor { _ = try Validate.range(budget, 0...Int(Int64.max / 2), field: "budgetMinor") }
        let workspaceID = try CustomerActions.workspaceID(in: ctx)
        guard let customer = try await CustomerRecord.find(input.customerId, on: ctx.db), customer.workspaceID == workspaceID else {
            throw DomainError.validation(field: "customerId", rule: .notCustomer)
        }
        let record = ProjectRecord()
        record.workspaceID = workspaceID
        record.customerID = try customer.requireID()
        record.name = name
        record.goalsJSON = JSONList.encode(goals)
        record.timeZone = timeZone
        record.startDate = start.description
        record.currency = currency
        record.budgetMinor = input.budgetMinor
        record.status = ProjectStatus.planning
        record.planRevision = 0
        record.archived = false
        record.createdAt = ctx.now
        return try await ctx.write { db in
            try await record.create(on: db)
            return record
        }
    }

    /// Applies the fields `input` names to the project as stored when the transaction runs (locked and
    /// re-read there), so concurrent edits of different fields both survive. Status and archive moves follow
    /// `ProjectLifecycle` and go into the project's history; `clearing` names nullable fields sent as null.
    static func update(
        _ project: ProjectRecord, with input: UpdateProjectRequest, clearing: Set<String> = [], in ctx: ActionContext
    ) async throws -> ProjectRecord {
        let id = try project.requireID()
        let name = try input.name.map { try Validate.text($0, field: "name") }
        let goals = try input.goals.map { JSONList.encode(try Validate.lines($0, field: "goals")) }
        let zone = try input.timeZone.map { try Validate.timeZone($0) }
        let start = try input.startDate.map { try Validate.date($0, field: "startDate").description }
        let currency = try input.currency.map { try Validate.currency($0) }
        let budget = try input.budgetMinor.map { try Validate.range($0, 0...Int(Int64.max / 2), field: "budgetMinor") }
        let actor = ctx.identity.memberID.map(HistoryAction.memberActor) ?? "system"
        let now = ctx.now
        return try await ctx.writeAudited(planOf: id) { db, audit in
            try await RowLock.lock(ProjectRecord.schema, id: id, on: db)
            guard let fresh = try await ProjectRecord.find(id, on: db) else { throw DomainError.notFound }
            let before = (status: fresh.status, archived: fresh.archived)
            let after = try ProjectLifecycle.apply(status: input.status, archived: input.archived, to: before)
            if let name { fresh.name = name }
            if let goals { fresh.goalsJSON = goals }
            if let zone { fresh.timeZone = zone }
            if let start { fresh.startDate = start }
            if let currency { fresh.currency = currency }
            if let budget { fresh.budgetMinor = budget } else if clearing.contains("budgetMinor") { fresh.budgetMinor = nil }
            fresh.status = after.status
            fresh.archived = after.archived
            try await fresh.update(on: db)
            func record(_ action: String, _ content: [(String, String)]) async throws {
                try await audit.append(
                    on: db, at: now, actor: actor, action: action, objectType: "project", objectID: id, projectID: id, content: content)
            }
            if after.status != before.status {
                try await record(HistoryAction.projectStatusChanged, [("from", before.status.rawValue), ("to", after.status.rawValue)])
            }
            if after.archived != before.archived {
                try await record(after.archived ? HistoryAction.projectArchived : HistoryAction.projectUnarchived, [("name", fresh.name)])
            }
            return fresh
        }.refreshed(on: ctx.db)
    }

    /// Projects the identity may see: all of the workspace for members, invited ones for contacts. Archived projects
    /// only when `archived` asks for them (nil: all, true: only archived); they stay readable one by one.
    static func visibleProjects(archived: Bool? = false, in ctx: ActionContext) async throws -> [ProjectRecord] {
        switch ctx.identity.principal {
        case .member:
            return try await ProjectStore.inWorkspace(CustomerActions.workspaceID(in: ctx), archived: archived, on: ctx.db)
        case .contact(_, let grants):
            return try await ProjectStore.withIDs(Array(grants.keys), archived: archived, on: ctx.db)
        case .anonymous:
            return []
        }
    }
}
