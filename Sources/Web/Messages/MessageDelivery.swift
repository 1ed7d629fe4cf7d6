import Domain
import Fluent
import Foundation
import Persistence

/// What posting a message sends, worked out before the write and queued inside it: the team's notice for a
/// contact's message; for a customer-visible team message, one e-mail per invited contact who prefers e-mail (in
/// THAT contact's language) and one post to the project's group chats (in the customer's language) when any
/// contact prefers an IM channel. Contacts who prefer the phone or WeChat get nothing: Tandem cannot call or write
/// to a personal WeChat, and the team sees the thread. Internal messages cause nothing at all.
struct MessageDelivery: Sendable {
    var notice: TeamNotice?
    var emails: [OutboxMessage] = []
    var im: IMPost?
    var projectID: UUID
    var messageID: UUID

    /// How a customer-visible message reaches a contact who prefers `channel` (e-mail when they named none).
    enum Route: Sendable { case email, groupChat, notSent }

    static func route(_ channel: ContactChannel?) -> Route {
        switch channel ?? .email {
        case .email: .email
        case .wecom, .dingtalk, .feishu, .slack, .teams: .groupChat
        case .phone, .wechat: .notSent
        }
    }

    static func plan(_ message: Message, project: ProjectRecord, in ctx: ActionContext) async throws -> MessageDelivery {
        var delivery = MessageDelivery(projectID: message.projectID, messageID: message.id)
        switch (message.authorKind, message.visibility) {
        case (.contact, _):
            delivery.notice = TeamNotice(
                event: .messagePosted, projectID: message.projectID, actorName: message.authorName, object: project.name,
                quote: Markdown.plainText(message.body), path: PagePath.projectMessages(message.projectID).description,
                idempotencyKey: "message-\(message.id.uuidString)")
        case (.member, .internal):
            break
        case (.member, .customer):
            guard let customer = try await CustomerRecord.find(project.customerID, on: ctx.db),
                let workspace = try await WorkspaceRecord.find(customer.workspaceID, on: ctx.db)
            else { throw DomainError.notFound }
            let url = ctx.config.baseURL.absoluteString + PagePath.portalMessages(message.projectID).description
            let catalogue = ctx.services.catalogue
            var wantsIM = false
            for contact in try await MessageStore.recipients(projectID: message.projectID, on: ctx.db) {
                switch Self.route(contact.preferredChannel) {
                case .email:
                    let mail = MessageEmail.render(
                        message, project: project.name, workspace: workspace.name, url: url, language: contact.language, catalogue: catalogue)
                    delivery.emails.append(
                        OutboxMessage(
                            workspaceID: customer.workspaceID, projectID: message.projectID, recipient: contact.email, subject: mail.subject,
                            body: mail.text, htmlBody: mail.html, idempotencyKey: "message-\(message.id.uuidString)-\(contact.id.uuidString)"))
                case .groupChat:
                    wantsIM = true
                case .notSent:
                    break
                }
            }
            if wantsIM {
                delivery.im = MessageEmail.imPost(message, project: project.name, url: url, language: customer.language, catalogue: catalogue)
            }
        }
        return delivery
    }

    func enqueue(on db: any Database, in ctx: ActionContext) async throws {
        if let notice { try await TeamNotifications.enqueue(notice, on: db, in: ctx) }
        for email in emails { try await OutboxStore.enqueue(on: db, email, now: ctx.now) }
        if let im { try await ProjectIM.enqueue(im, projectID: projectID, idempotencyKey: "message-\(messageID.uuidString)", on: db, in: ctx) }
    }
}
