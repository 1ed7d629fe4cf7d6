import Domain
import Fluent
import Foundation

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
    /// transaction (`db`); `idempotencyKey` is made unique per integration by the implementation.
    static func enqueue(_ post: IMPost, projectID: UUID, idempotencyKey: String, on db: any Database, in ctx: ActionContext) async throws {
        // CONTRACT (issue 9): the integrations part implements this.
    }
}
