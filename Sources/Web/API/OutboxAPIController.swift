import Domain
import Foundation
import Persistence
import Vapor

/// The delivery log (owner, manager): what Tandem sent or tries to send, and "send again" for a failed one.
struct OutboxAPIController {
    func register(_ api: any RoutesBuilder) {
        api.endpoint(.GET, "outbox", rule: .teamLog, surface: .api, use: index)
        api.endpoint(.POST, "outbox", ":deliveryID", "retry", rule: .teamLog, surface: .api, use: retry)
    }

    struct DeliveryResponse: Encodable {
        var id: UUID
        var projectId: UUID?
        var channel: String
        var recipient: String
        var subject: String
        var status: String
        var attempts: Int
        var lastError: String?
        var nextAttemptAt: Date?
        var createdAt: Date
        var sentAt: Date?

        /// `labels` names IM recipients by kind and host (`IntegrationActions.recipientLabels`), never by URL.
        init(_ row: OutboxRecord, labels: [String: String] = [:]) throws {
            id = try row.requireID()
            projectId = row.projectID
            channel = row.channel
            recipient = IntegrationActions.shownRecipient(row, labels: labels)
            subject = row.subject
            status = row.status.rawValue
            attempts = row.attempts
            lastError = row.lastError
            nextAttemptAt = row.status == .queued ? row.nextAttemptAt : nil
            createdAt = row.createdAt
            sentAt = row.sentAt
        }
    }

    @Sendable func index(req: Request) async throws -> Response {
        let paging = try Paging(req)
        let projectID = try Self.projectFilter(req)
        let rows = try await OutboxActions.list(projectID: projectID, offset: paging.offset, limit: paging.limit + 1, in: req.context)
        let labels = try await IntegrationActions.recipientLabels(rows, on: req.db)
        return JSON.response(
            ListResponse(
                items: try rows.prefix(paging.limit).map { try DeliveryResponse($0, labels: labels) }, nextCursor: paging.nextCursorIfFull(rows.count)
            ))
    }

    @Sendable func retry(req: Request) async throws -> Response {
        let row = try await OutboxActions.retry(try req.uuidParameter("deliveryID"), in: req.context)
        return JSON.response(try DeliveryResponse(row, labels: try await IntegrationActions.recipientLabels([row], on: req.db)))
    }

    /// `?projectId=`: a project's deliveries only.
    static func projectFilter(_ req: Request) throws -> UUID? {
        guard let text = req.query[String.self, at: "projectId"], !text.isEmpty else { return nil }
        guard let id = UUID(uuidString: text) else { throw DomainError.validation(field: "projectId", rule: .invalid) }
        return id
    }
}
