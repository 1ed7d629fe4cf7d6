import Domain
import Foundation
import Persistence
import Vapor

/// `tandem member create`: the first owner (or another member) from a terminal.
enum MemberAdmin {
    /// The member to create, as the command line names it; role and language are checked here, once.
    struct NewMember: Sendable {
        var name: String
        var email: String
        var role: MemberRole
        var language: Language
        /// The new workspace's name when this is the first member.
        var workspace: String?

        init(
            name: String, email: String, role: String = MemberRole.owner.rawValue, language: String = Language.en.rawValue,
            workspace: String? = nil
        ) throws {
            guard let role = MemberRole(rawValue: role) else { throw AppConfig.Invalid(description: "--role must be owner, manager or member") }
            guard let language = Language(rawValue: language) else { throw AppConfig.Invalid(description: "--language must be en or zh-Hans") }
            self.name = name
            self.email = email
            self.role = role
            self.language = language
            self.workspace = workspace
        }
    }

    /// `password` comes from `TANDEM_PASSWORD` or standard input (see `CommandTools`), never from the arguments.
    static func create(_ new: NewMember, password: String, app: Application) async throws {
        if try await MemberStore.count(on: app.db) == 0 {
            _ = try await AccountActions.setup(
                SetupRequest(workspaceName: new.workspace ?? new.name, name: new.name, email: new.email, password: password, language: new.language),
                in: app.context())
        } else {
            guard let owner = try await MemberStore.anOwner(on: app.db) else {
                throw AppConfig.Invalid(description: "no owner found")
            }
            _ = try await AccountActions.createMember(
                CreateMemberRequest(name: new.name, email: new.email, role: new.role, password: password, language: new.language),
                by: owner.requireID(), in: app.context(acting: try .member(owner)))
        }
        print("member \(new.email) created")
    }
}
