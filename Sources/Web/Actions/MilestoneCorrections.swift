import Domain
import Fluent
import Foundation
import Persistence
import Vapor

struct UpdateMilestoneRequest: Decodable {
    var name: String?
    var dueDate: String?
    var description: String?
    var visibleToCustomer: Bool?
    /// Saves a due date far outside the project (`FarDate`) that would otherwise need confirming.
    var confirm: Bool?
}

struct UpdateDeliverableRequest: Decodable {
    var name: String?
    var acceptanceCriteria: String?
}

/// Correcting and removing milestones and deliverables (`Corrections` holds what may be).
enum MilestoneCorrections {
    /// Applies the fields `input` names; `clearing` names nullable fields sent as null (`description`).
    static func update(
        _ milestone: MilestoneRecord, with input: UpdateMilestoneRequest, clearing: Set<String>, in ctx: ActionContext
    ) async throws -> MilestoneRecord {
        let id = try milestone.requireID()
        let name = try input.name.map { try Validate.text($0, field: "name") }
        let due = try input.dueDate.map { try Validate.date($0, field: "dueDate") }
        let details = try Validate.optionalText(input.description, field: "description")
        try await FarDateCheck.require([("dueDate", due)], projectID: milestone.projectID, confirmed: input.confirm, on: ctx.db)
        return try await ctx.writePlan(projectID: milestone.projectID) { db in
            try await RowLock.lock(MilestoneRecord.schema, id: id, on: db)
            guard let fresh = try await MilestoneRecord.find(id, on: db) else { throw DomainError.notFound }
            if let name { fresh.name = name }
            if let due { fresh.dueDate = due.description }
            if let details { fresh.details = details } else if clearing.contains("description") || input.description != nil { fresh.details = nil }
            if let visible = input.visibleToCustomer { fresh.visibleToCustomer = visible }
            try await fresh.update(on: db)
            return fresh
        }
    }

    /// Removes the milestone with its open deliverables and detaches its work items; refused (writing nothing) when a
    /// deliverable was submitted or decided.
    static func remove(_ milestone: MilestoneRecord, in ctx: ActionContext) async throws {
        let id = try milestone.requireID()
        let projectID = milestone.projectID
        let actor = try actor(in: ctx)
        let now = ctx.now
        try await ctx.writeAudited(planOf: projectID) { db, audit in
            try await RowLock.lock(MilestoneRecord.schema, id: id, on: db)
            guard let fresh = try await MilestoneRecord.find(id, on: db) else { throw DomainError.notFound }
            try Corrections.requireMilestoneRemovable(deliverables: try await CorrectionStore.deliverableStatuses(milestoneID: id, on: db))
            let detached = try await CorrectionStore.deleteMilestone(id, on: db)
            try await audit.append(
                on: db, at: now, actor: actor, action: HistoryAction.milestoneDeleted, objectType: "milestone", objectID: id,
                projectID: projectID,
                content: [("name", fresh.name), ("dueDate", fresh.dueDate), ("detachedWorkItems", String(detached))])
        }
    }

    /// Applies the fields `input` names; `clearing` names nullable fields sent as null (`acceptanceCriteria`).
    static func updateDeliverable(
        _ deliverable: DeliverableRecord, with input: UpdateDeliverableRequest, clearing: Set<String>, in ctx: ActionContext
    ) async throws -> DeliverableRecord {
        let id = try deliverable.requireID()
        let name = try input.name.map { try Validate.text($0, field: "name") }
        let criteria = try Validate.optionalText(input.acceptanceCriteria, field: "acceptanceCriteria")
        return try await ctx.writePlan(projectID: deliverable.projectID) { db in
            try await RowLock.lock(DeliverableRecord.schema, id: id, on: db)
            guard let fresh = try await DeliverableRecord.find(id, on: db) else { throw DomainError.notFound }
            try Corrections.requireEditable(fresh.status)
            if let name { fresh.name = name }
            if let criteria {
                fresh.acceptanceCriteria = criteria
            } else if clearing.contains("acceptanceCriteria") || input.acceptanceCriteria != nil {
                fresh.acceptanceCriteria = nil
            }
            try await fresh.update(on: db)
            return fresh
        }
    }

    /// Removes an open deliverable; a submitted or decided one is refused, writing nothing.
    static func removeDeliverable(_ deliverable: DeliverableRecord, in ctx: ActionContext) async throws {
        let id = try deliverable.requireID()
        let projectID = deliverable.projectID
        let actor = try actor(in: ctx)
        let now = ctx.now
        try await ctx.writeAudited(planOf: projectID) { db, audit in
            try await RowLock.lock(DeliverableRecord.schema, id: id, on: db)
            guard let fresh = try await DeliverableRecord.find(id, on: db) else { throw DomainError.notFound }
            try Corrections.requireRemovable(fresh.status)
            try await CorrectionStore.deleteDeliverable(id, on: db)
            try await audit.append(
                on: db, at: now, actor: actor, action: HistoryAction.deliverableDeleted, objectType: "deliverable", objectID: id,
                projectID: projectID, content: [("name", fresh.name), ("milestoneId", fresh.milestoneID.uuidString.lowercased())])
        }
    }

    static func actor(in ctx: ActionContext) throws -> String {
        guard let memberID = ctx.identity.memberID else { throw DomainError.forbidden }
        return HistoryAction.memberActor(memberID)
    }
}

/// The confirmation a far-off date needs (`FarDate`), against the project's start and its plan as it is now.
enum FarDateCheck {
    static func require(_ dates: [(String, LocalDate?)], projectID: UUID, confirmed: Bool?, on db: any Database) async throws {
        guard confirmed != true, dates.contains(where: { $0.1 != nil }) else { return }
        guard let project = try await ProjectRecord.find(projectID, on: db), let start = LocalDate(project.startDate) else { return }
        let end = try await CorrectionStore.latestPlannedDate(projectID: projectID, on: db)
        try FarDate.check(dates.map { (field: $0.0, date: $0.1) }, projectStart: start, plannedEnd: end, confirmed: false)
    }
}
