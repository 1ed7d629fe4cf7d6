import Domain
import Foundation
import Persistence
import Vapor

/// A project's history: every entry for the team, the customer-visible part for a contact.
struct ActivityAPIController {
    func register(_ api: any RoutesBuilder) {
        api.endpoint(.GET, "projects", ":projectID", "activity", rule: .projectView, surface: .api, use: index)
    }

    struct ActivityItemResponse: Encodable {
        struct Actor: Encodable {
            /// The member or contact; null when the record keeps only that the team did it.
            var id: UUID?
            var name: String

            /// `id` is always present, null for "the team".
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(id, forKey: .id)
                try container.encode(name, forKey: .name)
            }
            enum CodingKeys: String, CodingKey { case id, name }
        }

        var at: Date
        var actor: Actor
        var action: String
        var objectType: String
        var objectId: UUID
        /// A sentence in the viewer's language.
        var summary: String
    }

    /// `GET /api/v1/projects/{id}/activity`: newest first, paged with `?limit=` and `?cursor=`.
    @Sendable func index(req: Request) async throws -> Response {
        let project = try await req.authorizedProject()
        let paging = try Paging(req)
        let identity = try await req.identity
        let items = try await ActivityActions.feed(project, customerView: identity.contactID != nil, in: req.context)
        let (page, next) = paging.page(items)
        let catalogue = req.tandem.catalogue
        return JSON.response(
            ListResponse(
                items: page.map { item in
                    ActivityItemResponse(
                        at: item.entry.at,
                        actor: .init(id: item.actorID, name: item.actorName ?? catalogue.text("activity.team", identity.language)),
                        action: item.entry.action, objectType: item.entry.objectType, objectId: item.entry.objectID,
                        summary: ActivityText.summary(item, catalogue: catalogue, language: identity.language))
                },
                nextCursor: next))
    }
}
