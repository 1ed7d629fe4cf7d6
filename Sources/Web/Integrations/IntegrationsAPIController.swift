import Domain
import Foundation
import Persistence
import Vapor

/// `POST/GET /api/v1/projects/{id}/integrations`, `DELETE /api/v1/integrations/{id}` (owner, manager).
struct IntegrationsAPIController {
    func register(_ api: any RoutesBuilder) {
        api.endpoint(.POST, "projects", ":projectID", "integrations", rule: .projectManage, surface: .api, use: create)
        api.endpoint(.GET, "projects", ":projectID", "integrations", rule: .projectManage, surface: .api, use: index)
        api.endpoint(.DELETE, "integrations", ":integrationID", rule: .projectManage, surface: .api, use: delete)
    }

    /// Never the URL's path or query, never the secret: the host names it.
    struct IntegrationResponse: Encodable {
        var id: UUID
        var projectId: UUID
        var kind: String
        var host: String
        var audience: String
        var hasSecret: Bool
        var createdAt: Date

        init(_ record: IntegrationRecord) throws {
            id = try record.requireID()
            projectId = record.projectID
            kind = record.kind
            host = record.host
            audience = record.audience
            hasSecret = record.secretSealed != nil
            createdAt = record.createdAt
        }
    }

    @Sendable func create(req: Request) async throws -> Response {
        let project = try await req.authorizedProject()
        let input = try JSON.decode(CreateIntegrationRequest.self, from: req)
        let record = try await IntegrationActions.create(input, project: project, in: req.context)
        return JSON.response(try IntegrationResponse(record), status: .created)
    }

    @Sendable func index(req: Request) async throws -> Response {
        let project = try await req.authorizedProject()
        let paging = try Paging(req)
        let records = try await IntegrationActions.list(projectID: try project.requireID(), in: req.context)
        let page = records.dropFirst(paging.offset).prefix(paging.limit + 1)
        return JSON.response(
            ListResponse(items: try page.prefix(paging.limit).map(IntegrationResponse.init), nextCursor: paging.nextCursorIfFull(page.count)))
    }

    @Sendable func delete(req: Request) async throws -> Response {
        let record = try await req.authorizedIntegration()
        try await IntegrationActions.remove(record, in: req.context)
        return Response(status: .noContent)
    }
}
