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

/// Creating the workspace and its people, signing in.
enum AccountActions {
    static func hash(_ password: String, on req: Request) async throws -> String {
        let cost = req.tandem.config.bcryptCost
        return try await req.application.threadPool.runIfActive {
            try Bcrypt.hash(PasswordRule.bcryptInput(password), cost: cost)
        }
    }

    static func verify(_ password: String, hash: String, on req: Request) async throws -> Bool {
        try await req.application.threadPool.runIfActive {
            try Bcrypt.verify(PasswordRule.bcryptInput(password), created: hash)
        }
    }

    /// First run: the workspace and its owner; refused once anyone exists.
    static func setup(_ input: SetupRequest, on req: Request) async throws -> MemberRecord {
        let workspaceName = try Validate.text(input.workspaceName, field: "workspaceName")
        let name = try Validate.text(input.name, field: "name")
        let email = try Validate.email(input.email)
        try PasswordRule.validate(input.password)
        let passwordHash = try await hash(input.password, on: req)
        let now = req.now
        return try await req.write { db in
            guard try await MemberRecord.query(on: db).count() == 0 else {
                throw DomainError.conflict("this Tandem is already set up; sign in instead")
            }
            let workspace = WorkspaceRecord(name: workspaceName, createdAt: now)
            try await workspace.create(on: db)
            let owner = MemberRecord(workspaceID: workspace.id!, name: name, email: email, role: MemberRole.owner.rawValue,
                                     language: input.language.rawValue, passwordHash: passwordHash, createdAt: now)
            try await owner.create(on: db)
            return owner
        }
    }

    static func createMember(_ input: CreateMemberRequest, by inviterID: UUID, on req: Request) async throws -> MemberRecord {
        let name = try Validate.text(input.name, field: "name")
        let email = try Validate.email(input.email)
        try PasswordRule.validate(input.password)
        if input.role == .owner, try await req.identity.role != .owner { throw DomainError.forbidden }
        let passwordHash = try await hash(input.password, on: req)
        let now = req.now
        return try await req.write { db in
            guard let inviter = try await MemberRecord.find(inviterID, on: db) else { throw DomainError.unauthenticated }
            guard try await MemberRecord.query(on: db).filter(\.$email == email).count() == 0 else {
                throw DomainError.validation(field: "email", message: "is already a member")
            }
            let member = MemberRecord(workspaceID: inviter.workspaceID, name: name, email: email, role: input.role.rawValue,
                                      language: (input.language ?? Language(rawValue: inviter.language) ?? .en).rawValue,
                                      passwordHash: passwordHash, createdAt: now)
            try await member.create(on: db)
            return member
        }
    }

    /// Checks e-mail and password under the sign-in throttle; the member on success.
    /// The browser's known-device cookie (from an earlier sign-in to this account) skips the per-address block.
    static func signIn(_ input: SignInRequest, on req: Request) async throws -> MemberRecord {
        let email = input.email.trimmingCharacters(in: .whitespaces).lowercased()
        let client = req.clientAddress
        let member = try await MemberRecord.query(on: req.db).filter(\.$email == email).first()
        let knownDevice = try await KnownDevice.isKnown(req, memberID: member?.id)
        try await SignInThrottle.check(email: email, client: client, knownDevice: knownDevice, on: req)
        let hash: String
        if let member {
            hash = member.passwordHash
        } else {
            let dummy = req.tandem.dummyPasswordHash
            hash = try await req.application.threadPool.runIfActive { try dummy.value() }
        }
        let matches = try await verify(input.password, hash: hash, on: req)
        guard let member, matches, input.password.count <= PasswordRule.maxLength,
              !PasswordRule.hasControlCharacters(input.password) else {
            try await SignInThrottle.recordFailure(email: email, client: client, on: req)
            throw DomainError.unauthenticated
        }
        return member
    }
}
