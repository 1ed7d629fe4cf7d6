import Domain
import Fluent
import Foundation
import Persistence
import Vapor

struct SetupRequest: Decodable {
    var workspaceName: String
    var name: String
    var email: String
    var password: String
    var language: Language
}

struct CreateMemberRequest: Decodable {
    var name: String
    var email: String
    var role: MemberRole
    var password: String
    var language: Language?
}

struct SignInRequest: Decodable {
    var email: String
    var password: String
}

/// Where a sign-in comes from, as the throttle counts it: the client's address and the browser's
/// known-device token (pages only).
struct SignInOrigin: Sendable {
    var client: String
    var deviceToken: String?
}

/// Creating the workspace and its people, signing in.
enum AccountActions {
    static func hash(_ password: String, in ctx: ActionContext) async throws -> String {
        let cost = ctx.services.config.bcryptCost
        return try await ctx.threadPool.runIfActive {
            try Bcrypt.hash(PasswordRule.bcryptInput(password), cost: cost)
        }
    }

    static func verify(_ password: String, hash: String, in ctx: ActionContext) async throws -> Bool {
        try await ctx.threadPool.runIfActive {
            try Bcrypt.verify(PasswordRule.bcryptInput(password), created: hash)
        }
    }

    /// First run: the workspace and its owner; refused once anyone exists.
    static func setup(_ input: SetupRequest, in ctx: ActionContext) async throws -> MemberRecord {
        let workspaceName = try Validate.text(input.workspaceName, field: "workspaceName")
        let name = try Validate.text(input.name, field: "name")
        let email = try Validate.email(input.email)
        try PasswordRule.validate(input.password)
        let passwordHash = try await hash(input.password, in: ctx)
        let now = ctx.now
        return try await ctx.write { db in
            guard try await MemberStore.count(on: db) == 0 else {
                throw DomainError.conflict("this Tandem is already set up; sign in instead")
            }
            let workspace = WorkspaceRecord(name: workspaceName, createdAt: now)
            try await workspace.create(on: db)
            let owner = MemberRecord(
                workspaceID: try workspace.requireID(), name: name, email: email, role: .owner,
                language: input.language, passwordHash: passwordHash, createdAt: now)
            try await owner.create(on: db)
            return owner
        }
    }

    static func createMember(_ input: CreateMemberRequest, by inviterID: UUID, in ctx: ActionContext) async throws -> MemberRecord {
        let name = try Validate.text(input.name, field: "name")
        let email = try Validate.email(input.email)
        try PasswordRule.validate(input.password)
        if input.role == .owner, ctx.identity.role != .owner { throw DomainError.forbidden }
        let passwordHash = try await hash(input.password, in: ctx)
        let now = ctx.now
        return try await ctx.write { db in
            guard let inviter = try await MemberRecord.find(inviterID, on: db) else { throw DomainError.unauthenticated }
            guard try await MemberStore.byEmail(email, on: db) == nil else {
                throw DomainError.validation(field: "email", rule: .memberEmailTaken)
            }
            let member = MemberRecord(
                workspaceID: inviter.workspaceID, name: name, email: email, role: input.role,
                language: input.language ?? inviter.language,
                passwordHash: passwordHash, createdAt: now)
            try await member.create(on: db)
            return member
        }
    }

    /// Checks e-mail and password under the sign-in throttle; the member on success.
    /// The browser's known-device cookie (from an earlier sign-in to this account) skips the per-address block.
    static func signIn(_ input: SignInRequest, from origin: SignInOrigin, in ctx: ActionContext) async throws -> MemberRecord {
        let email = input.email.trimmingCharacters(in: .whitespaces).lowercased()
        let client = origin.client
        let member = try await MemberStore.byEmail(email, on: ctx.db)
        let knownDevice = try await KnownDevice.isKnown(origin.deviceToken, memberID: member?.id, in: ctx)
        try await SignInThrottle.check(email: email, client: client, knownDevice: knownDevice, in: ctx)
        let hash: String
        if let member {
            hash = member.passwordHash
        } else {
            let dummy = ctx.services.dummyPasswordHash
            hash = try await ctx.threadPool.runIfActive { try dummy.value() }
        }
        let matches = try await verify(input.password, hash: hash, in: ctx)
        // A deactivated member gets the same answer as a wrong password.
        guard let member, matches, member.active, input.password.count <= PasswordRule.maxLength,
            !PasswordRule.hasControlCharacters(input.password)
        else {
            try await SignInThrottle.recordFailure(email: email, client: client, in: ctx)
            throw DomainError.unauthenticated
        }
        return member
    }

    /// The acting member's UI language, or the acting contact's language (which also decides what Tandem sends them).
    static func chooseLanguage(_ language: Language, in ctx: ActionContext) async throws {
        let identity = ctx.identity
        try await ctx.write { db in
            if let memberID = identity.memberID {
                try await MemberStore.setLanguage(language, of: memberID, on: db)
            } else if let contactID = identity.contactID {
                try await ContactStore.setLanguage(language, of: contactID, on: db)
            }
        }
    }
}
