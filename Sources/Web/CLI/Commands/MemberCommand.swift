import ArgumentParser
import Domain

extension TandemCLI {
    /// `tandem member …`: only `create` so far.
    struct Member: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "member",
            abstract: "Manage workspace members from a terminal.",
            subcommands: [Create.self]
        )

        func run() throws { throw ValidationError("member needs a subcommand: create") }

        /// `tandem member create`: the password never comes from the arguments, where `ps` and shell history see it.
        struct Create: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "create",
                abstract: "Create a member; the first one becomes the owner of a new workspace.",
                discussion: "The password is read from TANDEM_PASSWORD, or else from the first line of standard input."
            )

            @Option(help: "The member's name.")
            var name: String

            @Option(help: "The member's e-mail address, used to sign in.")
            var email: String

            @Option(
                help: ArgumentHelp(
                    "One of \(MemberRole.allCases.map(\.rawValue).joined(separator: ", ")) (ignored for the first member, who is the owner).",
                    valueName: "role"))
            var role = MemberRole.owner.rawValue

            @Option(help: ArgumentHelp("One of \(Language.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "language"))
            var language = Language.en.rawValue

            @Option(help: "The new workspace's name when this is the first member (default: the member's name).")
            var workspace: String?

            func member() throws -> MemberAdmin.NewMember {
                try MemberAdmin.NewMember(name: name, email: email, role: role, language: language, workspace: workspace)
            }

            func validate() throws {
                do { _ = try member() } catch { throw ValidationError(String(describing: error)) }
            }

            func run() async throws {
                try await CommandTools.createMember(try member())
            }
        }
    }
}
