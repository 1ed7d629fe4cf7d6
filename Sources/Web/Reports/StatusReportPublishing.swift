import Domain
import Fluent
import Foundation
import Persistence
import Vapor

extension StatusReportActions {
    static let publishAction = "status_report.publish"
    static let objectType = "status_report"

    /// Publishes a draft: gives it the project's next number, freezes the snapshot with its hash, and in the same
    /// transaction queues one e-mail per active invited contact (in that contact's language, with their own one-click
    /// links) and the post for the customer's chats, and appends the publication to the project's history.
    static func publish(_ report: StatusReportRecord, in ctx: ActionContext) async throws -> StatusReportRecord {
        let id = try report.requireID()
        guard let project = try await ProjectRecord.find(report.projectID, on: ctx.db) else { throw DomainError.notFound }
        let projectID = try project.requireID()
        let workspace = try await WorkspaceRecord.find(project.workspaceID, on: ctx.db)?.name ?? ""
        let customerLanguage = try await CustomerRecord.find(project.customerID, on: ctx.db)?.language ?? .en
        let now = ctx.now
        let actor = ctx.identity.memberID.map(HistoryAction.memberActor) ?? "system"
        return try await ctx.writeAudited { db, audit in
            guard let fresh = try await StatusReportStore.find(id, on: db) else { throw DomainError.notFound }
            guard !fresh.isPublished else { throw DomainError.conflict("this status report is already published") }
            let content = try fresh.report()
            let canonical = String(decoding: try content.canonicalJSON(), as: UTF8.self)
            let hash = try content.contentHash()
            let number = try await StatusReportStore.nextNumber(projectID: projectID, on: db)
            fresh.status = "published"
            fresh.number = number
            fresh.content = canonical
            fresh.contentHash = hash
            fresh.publishedAt = now
            fresh.publishedBy = ctx.identity.memberID
            fresh.updatedAt = now
            try await fresh.update(on: db)
            let mail = ReportMail(ctx: ctx, reportID: id, number: number, content: content, workspace: workspace, now: now)
            for contact in try await StatusReportStore.recipients(projectID: projectID, on: db) {
                let rendered = mail.render(for: contact)
                try await OutboxStore.enqueue(
                    on: db,
                    OutboxMessage(
                        workspaceID: project.workspaceID, projectID: projectID, recipient: contact.email, subject: rendered.subject,
                        body: rendered.text, htmlBody: rendered.html,
                        idempotencyKey: "status-report-\(id.uuidString)-\(try contact.requireID().uuidString)"),
                    now: now)
            }
            try await ProjectIM.enqueue(
                mail.imPost(language: customerLanguage), projectID: projectID, idempotencyKey: "status-report-\(id.uuidString)", on: db, in: ctx)
            _ = try await audit.append(
                on: db, at: now, actor: actor, action: publishAction, objectType: objectType, objectID: id, projectID: projectID,
                content: [("number", String(number)), ("contentHash", hash)])
            return fresh
        }
    }

    /// What recording an answer came to.
    enum FeedbackOutcome: Sendable {
        case recorded(FeedbackRecord)
        /// The same answer was recorded before (an acknowledgement, or the same one-click link used again).
        case alreadyRecorded(FeedbackRecord)
    }

    /// Records a contact's answer to a published report and tells the team. An acknowledgement counts once per contact
    /// and report; a question may be asked again from the portal, but each one-click link records once.
    static func feedback(
        reportID: UUID, contactID: UUID, kind: String, rating: Int?, comment: String?, via: String, in ctx: ActionContext
    ) async throws -> FeedbackOutcome {
        guard let kind = FeedbackKind(rawValue: kind) else { throw DomainError.validation(field: "kind", rule: .notAllowed) }
        if let rating { _ = try Validate.range(rating, 1...5, field: "rating") }
        let comment = try Validate.optionalText(comment, field: "comment", max: maxCommentLength)
        guard let contact = try await ContactRecord.find(contactID, on: ctx.db), contact.active else { throw DomainError.notFound }
        let now = ctx.now
        let onceKey = kind == .acknowledge ? "acknowledge" : via == "link" ? "link-question" : UUID().uuidString
        return try await ctx.writeAudited { db, audit in
            guard let report = try await StatusReportStore.find(reportID, on: db), report.isPublished else { throw DomainError.notFound }
            if let earlier = try await StatusReportStore.existingFeedback(reportID: reportID, contactID: contactID, onceKey: onceKey, on: db) {
                return .alreadyRecorded(earlier)
            }
            let row = FeedbackRecord()
            row.reportID = reportID
            row.contactID = contactID
            row.kind = kind
            row.rating = rating
            row.comment = comment
            row.via = via
            row.onceKey = onceKey
            row.at = now
            guard let created = try await StatusReportStore.addFeedback(row, on: db) else { throw DomainError.conflict("already recorded") }
            let id = try created.requireID()
            _ = try await audit.append(
                on: db, at: now, actor: AuditContent.contactActor(contactID), action: "status_report.\(kind.rawValue)", objectType: objectType,
                objectID: reportID, projectID: report.projectID,
                content: [("rating", rating.map(String.init) ?? ""), ("comment", comment ?? ""), ("contentHash", report.contentHash ?? "")])
            try await TeamNotifications.enqueue(
                TeamNotice(
                    event: kind == .acknowledge ? .reportAcknowledged : .questionAsked, projectID: report.projectID, actorName: contact.name,
                    object: "#\(report.number ?? 0)", quote: comment, path: PagePath.statusReport(reportID).description,
                    idempotencyKey: "status-report-feedback-\(id.uuidString)"),
                on: db, in: ctx)
            return .recorded(created)
        }
    }
}
