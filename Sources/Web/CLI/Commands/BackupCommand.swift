import ArgumentParser

extension TandemCLI {
    /// `tandem backup PATH`.
    struct Backup: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "backup",
            abstract: "Write a consistent copy of the SQLite database, safe while serving.",
            discussion: "The audit checkpoint is copied next to it as PATH.audit-checkpoint. On PostgreSQL use pg_dump."
        )

        @Argument(help: ArgumentHelp("The new file to write; an existing one is never overwritten.", valueName: "path"))
        var path: String

        func run() async throws {
            try await CommandTools.backup(to: path)
        }
    }
}
