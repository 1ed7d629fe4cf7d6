import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// `tandem member create`: the first owner (or another member) from a terminal.
enum MemberAdmin {
    /// `password` comes from `TANDEM_PASSWORD` or standard input (see `TandemCommand`), never from the arguments.
    static func create(arguments: [String], password: String, app: Application) async throws {
        guard let name = try TandemCommand.option("--name", in: arguments), let email = try TandemCommand.option("--email", in: arguments) else {
            throw AppConfig.Invalid(description: "member create needs --name and --email")
        }
        let roleText = try TandemCommand.option("--role", in: arguments) ?? "owner"
        guard let role = MemberRole(rawValue: roleText) else { throw AppConfig.Invalid(description: "--role must be owner, manager or member") }
        let languageText = try TandemCommand.option("--language", in: arguments) ?? "en"
        guard let language = Language(rawValue: languageText) else { throw AppConfig.Invalid(description: "--language must be en or zh-Hans") }
        if try await MemberStore.count(on: app.db) == 0 {
            let workspaceName = try TandemCommand.option("--workspace", in: arguments) ?? "\(name)"
            _ = try await AccountActions.setup(
                SetupRequest(
                    workspaceName: workspaceName, name: name, email: email,
                    password: password, language: language), in: app.context())
        } else {
            guard let owner = try await MemberStore.anOwner(on: app.db) else {
                throw AppConfig.Invalid(description: "no owner found")
            }
            _ = try await AccountActions.createMember(
                CreateMemberRequest(
                    name: name, email: email, role: role, password: password,
                    language: language), by: owner.requireID(),
                in: app.context(acting: try .member(owner)))
        }
        print("member \(email) created")
    }
}
