import Domain
import Fluent
import Foundation
import Persistence
import Vapor

struct CreateMilestoneRequest: Decodable {
    var name: String
    var dueDate: String
    var description: String?
    var visibleToCustomer: Bool
    /// Saves a due date far outside the project (`FarDate`) that would otherwise need confirming.
    var confirm: Bool?
}

struct CreateDeliverableRequest: Decodable {
    var name: String
    var acceptanceCriteria: String?
}

struct SubmitDeliverableRequest: Decodable {
    var note: String?
    var link: String?
}

/// Milestones and the deliverables the customer accepts or returns.
enum MilestoneActions {
    static func create(_ input: CreateMilestoneRequest, projectID: UUID, in ctx: ActionContext) async throws -> MilestoneRecord {
        let record = MilestoneRecord()
        record.projectID = projectID
        record.name = try Validate.text(input.name, field: "name")
        let due = try Validate.date(input.dueDate, field: "dueDate")
        record.dueDate = due.description
        record.details = try Validate.optionalText(input.description, field: "description")
        record.visibleToCustomer = input.visibleToCustomer
        record.createdAt = ctx.now
        try await FarDateCheck.require([("dueDate", due)], projectID: projectID, confirmed: input.confirm, on: ctx.db)
        return try await ctx.writePlan(projectID: projectID) { db in
            try await record.create(on: db)
            return record
        }
    }

    static func createDeliverable(_ input: CreateDeliverableRequest, milestone: MilestoneRecord, in ctx: ActionContext) async throws
        -> DeliverableRecord
    {
        let record = DeliverableRecord()
        record.milestoneID = try milestone.requireID()
        record.projectID = milestone.projectID
        record.name = try Validate.text(input.name, field: "name")
        record.acceptanceCriteria = try Validate.optionalText(input.acceptanceCriteria, field: "acceptanceCriteria")
        record.status = DeliverableStatus.open
        record.createdAt = ctx.now
        return try await ctx.writePlan(projectID: milestone.projectID) { db in
            try await record.create(on: db)
            return record
        }
    }

    static func submit(_ deliverable: DeliverableRecord, _ input: SubmitDeliverableRequest, in ctx: ActionContext) async throws -> DeliverableRecord {
        let note = try Validate.optionalText(input.note, field: "note")
        let link = try Validate.link(input.link, field: "link")
        let id = try deliverable.requireID()
        return try await ctx.writePlan(projectID: deliverable.projectID) { db in
            guard let fresh = try await DeliverableRecord.find(id, on: db) else { throw DomainError.notFound }
            fresh.status = try DeliverableFlow.next(from: fresh.status, on: .submit, comment: nil)
            fresh.submissionNote = note
            fresh.link = link
            fresh.decisionComment = nil
            fresh.decidedBy = nil
            fresh.decidedAt = nil
            try await fresh.update(on: db)
            try await StatusReportStore.markSubmitted(id, at: ctx.now, on: db)
            return fresh
        }
    }

    /// Accepting or returning is the customer's decision: it goes into the audit log with the deliverable's content.
    static func decide(_ deliverable: DeliverableRecord, action: DeliverableAction, comment: String?, in ctx: ActionContext) async throws
        -> DeliverableRecord
    {
        guard let contactID = ctx.identity.contactID else { throw DomainError.forbidden }
        let comment = try Validate.optionalText(comment, field: "comment")
        let id = try deliverable.requireID()
        let now = ctx.now
        return try await ctx.writeAudited(planOf: deliverable.projectID) { db, audit in
            guard let fresh = try await DeliverableRecord.find(id, on: db) else { throw DomainError.notFound }
            let next = try DeliverableFlow.next(from: fresh.status, on: action, comment: comment)
            fresh.status = next
            fresh.decisionComment = comment
            fresh.decidedBy = contactID
            fresh.decidedAt = now
            try await fresh.update(on: db)
            let files = try await FileStore.files(of: .deliverable, ownerID: id, on: db)
            try await audit.append(
                on: db, at: now, actor: AuditContent.contactActor(contactID),
                action: next == .accepted ? AuditContent.deliverableAccept : AuditContent.deliverableReturn,
                objectType: AuditedRecord.Kind.deliverable.rawValue, objectID: id, projectID: fresh.projectID,
                content: fresh.auditContent(files: files))
            try await TeamNotifications.enqueue(
                TeamNotice(
                    event: next == .accepted ? .deliverableAccepted : .deliverableReturned, projectID: fresh.projectID,
                    actorName: try await ContactRecord.find(contactID, on: db)?.name, object: fresh.name, quote: comment,
                    path: PagePath.project(fresh.projectID).description,
                    idempotencyKey: "deliverable-\(next.rawValue)-\(id.uuidString.lowercased())-\(Int(now.timeIntervalSince1970 * 1000))"),
                on: db, in: ctx)
            return fresh
        }
    }

    /// The answer for a deliverable, naming the contact who decided it, with its files (`files` when already loaded).
    static func response(_ deliverable: Deliverable, files: [StoredFile]? = nil, on db: any Database) async throws -> DeliverableResponse {
        var response = DeliverableResponse(deliverable, decider: try await PersonRef.contact(deliverable.decidedBy, on: db))
        if let files {
            response.files = files.map(FileResponse.init)
        } else {
            response.files = try await FileStore.files(of: .deliverable, ownerID: deliverable.id, on: db).map(FileResponse.init)
        }
        return response
    }
}
