import Domain
import Fluent
import Foundation
import Persistence
import Vapor

struct CreateInvitationRequest: Decodable {
    var contactId: UUID
    var canApprove: Bool
}

struct AcceptInvitationRequest: Decodable {
    var token: String
}

struct SignInLinkRequest: Decodable {
    var email: String
}

/// Single-use links that sign a contact in to the portal: invitations (7 days) and sign-in links (30 minutes).
enum InvitationActions {
    static let invitationLifetime: TimeInterval = 7 * 86_400
    static let signInLinkLifetime: TimeInterval = 30 * 60

    struct Issued {
        var token: String
        var url: String
        var expiresAt: Date
        /// Ready to paste into WeChat: in the contact's language, naming the workspace (and the project).
        var message: String
    }

    static func invite(_ input: CreateInvitationRequest, to project: ProjectRecord, in ctx: ActionContext) async throws -> Issued {
        guard let contact = try await ContactRecord.find(input.contactId, on: ctx.db), contact.customerID == project.customerID else {
            throw DomainError.validation(field: "contactId", rule: .notContact)
        }
        guard contact.active else { throw DomainError.conflict("this contact was deactivated; reactivate them before inviting") }
        let token = SecretToken.generate()
        let expires = ctx.now.addingTimeInterval(invitationLifetime)
        let link = AccessLinkRecord(
            kind: "invitation", tokenHash: SecretToken.hash(token), contactID: try contact.requireID(),
            projectID: try project.requireID(), canApprove: input.canApprove, expiresAt: expires, createdAt: ctx.now)
        let url = url(for: token, in: ctx)
        let workspace = try await ReadyMessage.workspaceName(in: ctx)
        let mail = Emails.invitation(
            name: contact.name, workspace: workspace, project: project.name, url: url, language: contact.language,
            catalogue: ctx.services.catalogue)
        let message = OutboxMessage(
            workspaceID: try CustomerActions.workspaceID(in: ctx), projectID: try project.requireID(), recipient: contact.email,
            subject: mail.subject, body: mail.text, htmlBody: mail.html, idempotencyKey: "invitation-\(link.tokenHash)")
        let now = ctx.now
        // The link and its e-mail are one write: no e-mail for a link that was not made, and no link left unsent.
        try await ctx.write { db in
            try await link.create(on: db)
            try await OutboxStore.enqueue(on: db, message, now: now)
        }
        return Issued(
            token: token, url: url, expiresAt: expires,
            message: ReadyMessage.invitation(to: contact, workspace: workspace, project: project.name, url: url, in: ctx))
    }

    /// A fresh portal sign-in link the team hands to a contact of the workspace (from the contact's row):
    /// it keeps the contact's grants and lasts as long as an invitation, since it travels the same way (WeChat).
    static func issueSignInLink(contactID: UUID, in ctx: ActionContext) async throws -> Issued {
        guard let contact = try await ContactRecord.find(contactID, on: ctx.db) else { throw DomainError.notFound }
        _ = try await CustomerActions.customer(contact.customerID, in: ctx)
        let token = SecretToken.generate()
        let now = ctx.now
        let expires = now.addingTimeInterval(invitationLifetime)
        try await ctx.write { db in
            try await AccessLinkRecord(
                kind: "sign_in", tokenHash: SecretToken.hash(token), contactID: contactID, projectID: nil,
                canApprove: false, expiresAt: expires, createdAt: now
            ).create(on: db)
        }
        let url = url(for: token, in: ctx)
        let workspace = try await ReadyMessage.workspaceName(in: ctx)
        return Issued(
            token: token, url: url, expiresAt: expires, message: ReadyMessage.signInLink(to: contact, workspace: workspace, url: url, in: ctx))
    }

    static func url(for token: String, in ctx: ActionContext) -> String {
        ctx.config.baseURL.absoluteString + PagePath.invitation(token).description
    }

    /// Who a still-usable link is for, and the project it opens (nil for a sign-in link), for the page that asks
    /// before the link is used. A used or expired link is `gone`, an unknown one `notFound`.
    static func preview(token: String, in ctx: ActionContext) async throws -> (contact: ContactRecord?, projectName: String?, workspace: String) {
        guard let link = try await AccessLinkStore.byTokenHash(SecretToken.hash(token), on: ctx.db) else { throw DomainError.notFound }
        try SingleUseLink.requireUsable(usedAt: link.usedAt, expiresAt: link.expiresAt, now: ctx.now)
        let contact = try await ContactRecord.find(link.contactID, on: ctx.db)
        let project = try await link.projectID.asyncMap { try await ProjectRecord.find($0, on: ctx.db) } ?? nil
        let customer = try await contact.asyncMap { try await CustomerRecord.find($0.customerID, on: ctx.db) } ?? nil
        let workspace = try await customer.asyncMap { try await WorkspaceRecord.find($0.workspaceID, on: ctx.db) } ?? nil
        return (contact, project?.name, workspace?.name ?? "")
    }

    /// Uses the link once: grants the contact the project (or keeps their grants, for a sign-in link)
    /// and issues a credential of `kind`. A used or expired link is `gone`.
    static func accept(token: String, credential kind: CredentialKind, in ctx: ActionContext) async throws -> (ContactRecord, String, UUID?) {
        let now = ctx.now
        return try await ctx.write { db in
            guard let link = try await AccessLinkStore.byTokenHash(SecretToken.hash(token), on: db) else {
                throw DomainError.notFound
            }
            try SingleUseLink.requireUsable(usedAt: link.usedAt, expiresAt: link.expiresAt, now: now)
            link.usedAt = now
            try await link.update(on: db)
            guard let contact = try await ContactRecord.find(link.contactID, on: db) else { throw DomainError.notFound }
            guard contact.active else { throw DomainError.gone }
            if let projectID = link.projectID {
                try await AccessLinkStore.grant(projectID: projectID, contactID: contact.requireID(), canApprove: link.canApprove, now: now, on: db)
            }
            let credential = try await Credentials.issue(kind, contactID: try contact.requireID(), on: db, now: now)
            return (contact, credential, link.projectID)
        }
    }

    /// At most this many sign-in links per address, and per client, in `linkWindow`.
    static let linksPerAddress = 5
    static let linksPerClient = 20
    static let linkWindow: TimeInterval = 15 * 60

    /// A fresh portal sign-in link for each contact with this address who has a project; unknown
    /// addresses get the same answer. Both paths do the same work — two counter reads, one write
    /// transaction that records the request, one lookup, one token and one more row — so neither the
    /// time nor a 429 tells whether the address is known. Each link is queued as an e-mail to its contact
    /// (the outbox) in the same transaction. Returns the tokens.
    @discardableResult
    static func requestSignInLink(email: String, client: String, in ctx: ActionContext) async throws -> [String] {
        let address = try Validate.email(email)
        let keys = ["link-address:\(address)", "link-client:\(client)"]
        let now = ctx.now
        let since = now.addingTimeInterval(-linkWindow)
        for (key, limit) in zip(keys, [linksPerAddress, linksPerClient]) {
            let times = try await AttemptStore.times(key: key, since: since, on: ctx.db)
            if let wait = RollingLimit.retryAfter(times, limit: limit, window: linkWindow, now: now) {
                throw DomainError.throttled(retryAfterSeconds: wait)
            }
        }
        let baseURL = ctx.config.baseURL.absoluteString
        let catalogue = ctx.services.catalogue
        return try await ctx.write { db in
            try await AttemptStore.record(keys: keys, at: now, on: db)
            var tokens: [String] = []
            let contacts = try await ContactStore.withPortalAccess(email: address, on: db)
            if contacts.isEmpty {
                // An unknown address does the work of a known one: a token made and hashed, two more rows
                // written (the link's and its e-mail's). Measured with scripts/bench_lib/signin_link_timing.py
                // (BENCHMARKS.md).
                let hash = SecretToken.hash(SecretToken.generate())
                try await AttemptStore.record(keys: ["link-unknown:\(hash)", "link-unknown-mail:\(hash)"], at: now, on: db)
            }
            for contactID in contacts {
                let token = SecretToken.generate()
                let tokenHash = SecretToken.hash(token)
                try await AccessLinkRecord(
                    kind: "sign_in", tokenHash: tokenHash, contactID: contactID, projectID: nil,
                    canApprove: false, expiresAt: now.addingTimeInterval(signInLinkLifetime), createdAt: now
                )
                .create(on: db)
                tokens.append(token)
                // The link goes out by e-mail, in the contact's language, in this same transaction.
                guard let contact = try await ContactRecord.find(contactID, on: db),
                    let workspace = try await Emails.workspace(of: contact, on: db)
                else { continue }
                let mail = Emails.signInLink(
                    name: contact.name, workspace: workspace.name, url: baseURL + PagePath.invitation(token).description,
                    language: contact.language, catalogue: catalogue)
                try await OutboxStore.enqueue(
                    on: db,
                    OutboxMessage(
                        workspaceID: try workspace.requireID(), projectID: nil, recipient: contact.email, subject: mail.subject,
                        body: mail.text, htmlBody: mail.html, idempotencyKey: "sign-in-\(tokenHash)"),
                    now: now)
            }
            return tokens
        }
    }
}
