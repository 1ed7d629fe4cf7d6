import Domain
import Fluent
import Foundation
import Persistence

/// A message for a project's customer group chats (WeCom, DingTalk, Feishu, Slack, Teams, webhook), already in the
/// customer's language. Each platform's formatter turns it into what that platform renders well.
struct IMPost: Sendable, Equatable {
    var title: String
    /// Lines of light Markdown: `**bold**`, `[text](https://…)` and `- ` bullets; nothing else is assumed.
    var lines: [String]
    /// The absolute link the message leads to (the report in the portal, say).
    var link: String?
    var linkText: String?
}

enum ProjectIM {
    /// Queues `post` for every integration of the project that carries customer messages, inside the caller's write
    /// transaction (`db`); `idempotencyKey` is made unique per integration by the implementation. `event` names the
    /// message in a generic webhook's body.
    static func enqueue(
        _ post: IMPost, projectID: UUID, idempotencyKey: String, event: String = "project.message", on db: any Database,
        in ctx: ActionContext
    ) async throws {
        try await queue(post.message, projectID: projectID, audience: .customer, idempotencyKey: idempotencyKey, event: event, on: db, in: ctx)
    }

    /// One outbox row (channel `im`) per integration of `audience`, with the platform's body made now.
    static func queue(
        _ message: IMMessage, projectID: UUID, audience: IMAudience, idempotencyKey: String, event: String, on db: any Database,
        in ctx: ActionContext
    ) async throws {
        let integrations = try await IntegrationStore.active(projectID: projectID, audience: audience.rawValue, on: db)
        let now = ctx.now
        for integration in integrations {
            guard let id = integration.id, let kind = IMKind(rawValue: integration.kind) else { continue }
            let key = "\(idempotencyKey)-im-\(id.uuidString.lowercased())"
            let body = IMFormat.body(kind, message, envelope: IMEnvelope(event: event, idempotencyKey: key, projectID: projectID))
            try await OutboxStore.enqueue(
                on: db,
                OutboxMessage(
                    workspaceID: integration.workspaceID, projectID: projectID, channel: IMDelivery.channel, recipient: id.uuidString,
                    subject: IMText.truncated(message.title, maxBytes: 500), body: body, htmlBody: nil, idempotencyKey: key),
                now: now)
        }
    }
}

extension IMPost {
    /// The Domain value the formatters take.
    var message: IMMessage { IMMessage(title: title, lines: lines, link: link, linkText: linkText) }
}
