import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// Status reports: drafted and edited by the team, published to the customer, answered by the customer's contacts.
struct StatusReportsAPIController {
    func register(_ api: any RoutesBuilder) {
        api.endpoint(.POST, "projects", ":projectID", "status-reports", rule: .projectTeam, surface: .api, use: create)
        api.endpoint(.GET, "projects", ":projectID", "status-reports", rule: .projectView, surface: .api, use: index)
        api.endpoint(.GET, "status-reports", ":reportID", rule: .projectView, surface: .api, use: show)
        api.endpoint(.PATCH, "status-reports", ":reportID", rule: .projectTeam, surface: .api, use: update)
        api.endpoint(.POST, "status-reports", ":reportID", "publish", rule: .projectTeam, surface: .api, use: publish)
        api.endpoint(.POST, "status-reports", ":reportID", "feedback", rule: .projectContact, surface: .api, use: feedback)
    }

    /// Drafts the period's report (201), or answers the existing draft of that period (200).
    @Sendable func create(req: Request) async throws -> Response {
        let project = try await req.authorizedProject()
        let input = try JSON.decode(DraftStatusReportRequest.self, from: req)
        let (report, created) = try await StatusReportActions.draft(projectID: try project.requireID(), input, in: req.context)
        return JSON.response(try StatusReportResponse(report, feedback: []), status: created ? .created : .ok)
    }

    /// The project's reports, newest first; a contact sees the published ones only.
    @Sendable func index(req: Request) async throws -> Response {
        let project = try await req.authorizedProject()
        let paging = try Paging(req)
        let isMember = try await req.identity.memberID != nil
        let all = try await StatusReportStore.list(projectID: try project.requireID(), publishedOnly: !isMember, on: req.db)
        let (page, next) = paging.page(all)
        let feedback = isMember ? try await FeedbackResponse.list(reportIDs: try page.map { try $0.requireID() }, on: req.db) : []
        let items = try page.map { record in
            try StatusReportResponse(record, feedback: isMember ? feedback.filter { $0.reportId == record.id } : nil)
        }
        return JSON.response(ListResponse(items: items, nextCursor: next))
    }

    @Sendable func show(req: Request) async throws -> Response {
        let report = try await req.authorizedReport()
        return JSON.response(try await Self.response(report, req: req))
    }

    /// Edits a draft; a published report answers 409.
    @Sendable func update(req: Request) async throws -> Response {
        let report = try await req.authorizedReport()
        let updated = try await StatusReportActions.update(report, try JSON.decode(UpdateStatusReportRequest.self, from: req), in: req.context)
        return JSON.response(try await Self.response(updated, req: req))
    }

    /// Publishes the draft: numbered, hashed, e-mailed to the contacts and posted to the customer's chats.
    @Sendable func publish(req: Request) async throws -> Response {
        let report = try await req.authorizedReport()
        let published = try await StatusReportActions.publish(report, in: req.context)
        return JSON.response(try await Self.response(published, req: req))
    }

    /// A contact's acknowledgement or question (201).
    @Sendable func feedback(req: Request) async throws -> Response {
        let report = try await req.authorizedReport()
        let input = try JSON.decode(StatusReportFeedbackRequest.self, from: req)
        guard let contactID = try await req.identity.contactID else { throw DomainError.forbidden }
        let outcome = try await StatusReportActions.feedback(
            reportID: try report.requireID(), contactID: contactID, kind: input.kind, rating: input.rating, comment: input.comment, via: "api",
            in: req.context)
        switch outcome {
        case .recorded(let row):
            return JSON.response(try FeedbackResponse(row, contactName: try await req.identity.name), status: .created)
        case .alreadyRecorded:
            throw DomainError.conflict("this contact already acknowledged the report")
        }
    }

    static func response(_ report: StatusReportRecord, req: Request) async throws -> StatusReportResponse {
        let isMember = try await req.identity.memberID != nil
        let feedback = isMember ? try await FeedbackResponse.list(reportIDs: [try report.requireID()], on: req.db) : nil
        return try StatusReportResponse(report, feedback: feedback)
    }
}
