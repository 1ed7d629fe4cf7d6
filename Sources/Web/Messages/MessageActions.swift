import Domain
import Fluent
import Foundation
import Persistence

struct PostMessageRequest: Decodable {
    var body: String
    /// `internal` or `customer`; when left out, a member's message stays internal and a contact's is customer-visible.
    var visibility: String?
}

/// The project's thread: posting (with what it causes, in the same transaction) and reading it.
enum MessageActions {
    /// Posts a message on the authorized `project`. A contact's message tells the team; a customer-visible message
    /// from the team reaches each invited contact by their channel (`MessageDelivery`). Internal messages cause nothing.
    static func post(_ input: PostMessageRequest, on project: ProjectRecord, in ctx: ActionContext) async throws -> Message {
        let body = try Message.validBody(input.body)
        let fromContact = ctx.identity.contactID != nil
        let visibility = try Message.allowedVisibility(try parseVisibility(input.visibility, fromContact: fromContact), fromContact: fromContact)
        guard let authorID = ctx.identity.memberID ?? ctx.identity.contactID else { throw DomainError.unauthenticated }
        let message = Message(
            id: UUID(), projectID: try project.requireID(), body: body, visibility: visibility,
            authorKind: fromContact ? .contact : .member, authorID: authorID, authorName: ctx.identity.name, createdAt: ctx.now)
        let delivery = try await MessageDelivery.plan(message, project: project, in: ctx)
        try await ctx.write { db in
            try await MessageStore.create(message, on: db)
            try await delivery.enqueue(on: db, in: ctx)
        }
        return message
    }

    static func parseVisibility(_ text: String?, fromContact: Bool) throws -> Message.Visibility {
        guard let text else { return fromContact ? .customer : .internal }
        guard let visibility = Message.Visibility(rawValue: text) else { throw DomainError.validation(field: "visibility", rule: .notAllowed) }
        return visibility
    }

    /// The messages the viewer may read, newest first: all of them for the team, the customer-visible ones for a contact.
    static func list(projectID: UUID, offset: Int, limit: Int, in ctx: ActionContext) async throws -> [Message] {
        try await MessageStore.list(projectID: projectID, customerOnly: ctx.identity.contactID != nil, offset: offset, limit: limit, on: ctx.db)
    }
}
