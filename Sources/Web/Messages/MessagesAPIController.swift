import Domain
import Foundation
import Persistence
import Vapor

/// A project's thread over the API: members read and post both kinds, contacts the customer-visible ones.
struct MessagesAPIController {
    func register(_ api: any RoutesBuilder) {
        api.endpoint(.GET, "projects", ":projectID", "messages", rule: .projectView, surface: .api, use: index)
        api.endpoint(.POST, "projects", ":projectID", "messages", rule: .projectView, surface: .api, use: create)
    }

    struct MessageResponse: Encodable {
        struct Author: Encodable {
            var id: UUID
            var name: String
            var kind: String
        }

        var id: UUID
        var projectId: UUID
        var body: String
        /// The body rendered by `Markdown.html`: raw HTML escaped, links only to http, https and mailto.
        var bodyHtml: String
        var visibility: String
        var author: Author
        var createdAt: Date

        init(_ message: Message) {
            id = message.id
            projectId = message.projectID
            body = message.body
            bodyHtml = Markdown.html(message.body)
            visibility = message.visibility.rawValue
            author = Author(id: message.authorID, name: message.authorName, kind: message.authorKind.rawValue)
            createdAt = message.createdAt
        }
    }

    /// `GET /api/v1/projects/{id}/messages`: newest first, paged with `?limit=` and `?cursor=`.
    @Sendable func index(req: Request) async throws -> Response {
        let project = try await req.authorizedProject()
        let paging = try Paging(req)
        let messages = try await MessageActions.list(
            projectID: try project.requireID(), offset: paging.offset, limit: paging.limit + 1, in: req.context)
        return JSON.response(
            ListResponse(items: messages.prefix(paging.limit).map(MessageResponse.init), nextCursor: paging.nextCursorIfFull(messages.count)))
    }

    /// `POST /api/v1/projects/{id}/messages` `{body, visibility}` → 201 with the message.
    @Sendable func create(req: Request) async throws -> Response {
        let project = try await req.authorizedProject()
        let input = try JSON.decode(PostMessageRequest.self, from: req)
        let message = try await MessageActions.post(input, on: project, in: req.context)
        return JSON.response(MessageResponse(message), status: .created)
    }
}
