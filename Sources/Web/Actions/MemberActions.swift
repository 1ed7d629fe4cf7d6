import Domain
import Fluent
import Foundation
import Persistence
import Vapor

struct UpdateMemberRequest: Decodable {
    var name: String?
    var role: MemberRole?
    var language: Language?
    var active: Bool?
    var password: String?
}

struct CreateMemberInvitationRequest: Decodable {
    var email: String
    var role: MemberRole
    var language: Language?
}

struct AcceptMemberInvitationRequest: Decodable {
    var token: String
    var name: String
    var password: String
    var language: Language?
}

/// Changing a team member (MemberChangeRule decides who may change what) and inviting colleagues by link.
enum MemberActions {
    static let invitationLifetime: TimeInterval = 7 * 86_400

    /// Applies `input` to the member `id` of the acting member's workspace. Deactivating ends all the
    /// member's sessions and tokens in the same transaction; a new password ends all but the caller's own.
    static func update(_ id: UUID, _ input: UpdateMemberRequest, in ctx: ActionContext) async throws -> MemberRecord {
        guard let actorID = ctx.identity.memberID, let actorRole = ctx.identity.role else { throw DomainError.forbidden }
        let workspaceID = try CustomerActions.workspaceID(in: ctx)
        let name = try input.name.map { try Validate.text($0, field: "name") }
        if let password = input.password { try PasswordRule.validate(password) }
        let passwordHash = try await input.password.asyncMap { try await AccountActions.hash($0, in: ctx) }
        let change = MemberChangeRule.Change(
            role: input.role, active: input.active, touchesProfile: name != nil || input.language != nil || passwordHash != nil)
        let credentialID = ctx.identity.credentialID
        return try await ctx.write { db in
            // One member change at a time per workspace (PostgreSQL), so two owners can't demote each other at once.
            try await RowLock.lock("workspaces", id: workspaceID, on: db)
            guard let target = try await MemberRecord.find(id, on: db), target.workspaceID == workspaceID else { throw DomainError.notFound }
            let owners = try await MemberStore.activeOwnerCount(workspaceID: workspaceID, on: db)
            try MemberChangeRule.check(
                change, by: .init(id: actorID, role: actorRole, active: true),
                on: .init(id: try target.requireID(), role: target.role, active: target.active), activeOwners: owners)
            if let name { target.name = name }
            if let language = input.language { target.language = language }
            if let role = input.role { target.role = role }
            if let active = input.active { target.active = active }
            if let passwordHash { target.passwordHash = passwordHash }
            try await target.save(on: db)
            if input.active == false {
                try await MemberStore.revokeCredentials(of: id, on: db)
            } else if passwordHash != nil {
                try await MemberStore.revokeCredentials(of: id, keeping: id == actorID ? credentialID : nil, on: db)
            }
            return target
        }
    }

    /// The profile page's password change: the current password must be right (a borrowed browser
    /// can't lock its owner out), checked without throttling beyond the session it needs.
    static func changeOwnPassword(current: String, new: String, in ctx: ActionContext) async throws {
        guard let memberID = ctx.identity.memberID else { throw DomainError.forbidden }
        guard let member = try await MemberRecord.find(memberID, on: ctx.db) else { throw DomainError.unauthenticated }
        guard try await AccountActions.verify(current, hash: member.passwordHash, in: ctx) else {
            throw DomainError.validation(field: "currentPassword", rule: .wrongCurrentPassword)
        }
        _ = try await update(memberID, UpdateMemberRequest(password: new), in: ctx)
    }

    struct Issued {
        var token: String
        var url: String
        var expiresAt: Date
        /// Ready to paste into a chat: in the language chosen for the colleague, naming the workspace.
        var message: String
    }

    /// A single-use link (7 days) for a colleague to join with `role`; a manager can't invite an owner.
    static func invite(_ input: CreateMemberInvitationRequest, in ctx: ActionContext) async throws -> Issued {
        guard let inviterID = ctx.identity.memberID, let inviterRole = ctx.identity.role, inviterRole.canManage else {
            throw DomainError.forbidden
        }
        if input.role == .owner, inviterRole != .owner { throw DomainError.forbidden }
        let workspaceID = try CustomerActions.workspaceID(in: ctx)
        let email = try Validate.email(input.email)
        let token = SecretToken.generate()
        let now = ctx.now
        let expires = now.addingTimeInterval(invitationLifetime)
        let language = input.language ?? ctx.identity.language
        let url = ctx.config.baseURL.absoluteString + PagePath.memberInvitation(token).description
        let workspace = try await ReadyMessage.workspaceName(in: ctx)
        let mail = Emails.colleague(workspace: workspace, url: url, language: language, catalogue: ctx.services.catalogue)
        let message = OutboxMessage(
            workspaceID: workspaceID, projectID: nil, recipient: email, subject: mail.subject, body: mail.text, htmlBody: mail.html,
            idempotencyKey: "member-invitation-\(SecretToken.hash(token))")
        try await ctx.write { db in
            guard try await MemberStore.byEmail(email, on: db) == nil else {
                throw DomainError.validation(field: "email", rule: .memberEmailTaken)
            }
            try await MemberInvitationRecord(
                workspaceID: workspaceID, tokenHash: SecretToken.hash(token), email: email, role: input.role,
                language: language, invitedBy: inviterID, expiresAt: expires, createdAt: now
            ).create(on: db)
            try await OutboxStore.enqueue(on: db, message, now: now)
        }
        return Issued(
            token: token, url: url, expiresAt: expires, message: ReadyMessage.colleague(language: language, workspace: workspace, url: url, in: ctx))
    }

    /// A still-usable invitation and its workspace's name, for the landing page; used or expired → `gone`.
    static func preview(token: String, in ctx: ActionContext) async throws -> (MemberInvitationRecord, workspace: String) {
        guard let invitation = try await MemberStore.invitation(tokenHash: SecretToken.hash(token), on: ctx.db) else { throw DomainError.notFound }
        try SingleUseLink.requireUsable(usedAt: invitation.usedAt, expiresAt: invitation.expiresAt, now: ctx.now)
        let workspace = try await WorkspaceRecord.find(invitation.workspaceID, on: ctx.db)
        return (invitation, workspace?.name ?? "")
    }

    /// Uses the invitation once: the colleague becomes a member with the invited address and role.
    static func accept(_ input: AcceptMemberInvitationRequest, in ctx: ActionContext) async throws -> MemberRecord {
        let name = try Validate.text(input.name, field: "name")
        try PasswordRule.validate(input.password)
        let passwordHash = try await AccountActions.hash(input.password, in: ctx)
        let now = ctx.now
        return try await ctx.write { db in
            guard let invitation = try await MemberStore.invitation(tokenHash: SecretToken.hash(input.token), on: db) else {
                throw DomainError.notFound
            }
            try SingleUseLink.requireUsable(usedAt: invitation.usedAt, expiresAt: invitation.expiresAt, now: now)
            guard try await MemberStore.byEmail(invitation.email, on: db) == nil else { throw DomainError.gone }
            invitation.usedAt = now
            try await invitation.update(on: db)
            let member = MemberRecord(
                workspaceID: invitation.workspaceID, name: name, email: invitation.email, role: invitation.role,
                language: input.language ?? invitation.language, passwordHash: passwordHash, createdAt: now)
            try await member.create(on: db)
            return member
        }
    }
}
