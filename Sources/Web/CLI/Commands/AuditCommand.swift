import ArgumentParser

extension TandemCLI {
    /// `tandem audit …`: only `verify` so far.
    struct Audit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "audit",
            abstract: "Check the tamper-evident audit log.",
            subcommands: [Verify.self]
        )

        func run() throws { throw ValidationError("audit needs a subcommand: verify") }

        /// `tandem audit verify`: exit 0 when the chain holds, 2 with the first finding when it does not.
        struct Verify: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "verify",
                abstract: "Verify the audit chain against its checkpoint and the records; exit 2 if anything is wrong.",
                discussion: "It names the first thing wrong: a changed, removed or reordered entry, or a changed record."
            )

            func run() async throws {
                let code = try await CommandTools.auditVerify()
                if code != 0 { throw ExitCode(code) }
            }
        }
    }
}
