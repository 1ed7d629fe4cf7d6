import ArgumentParser

extension TandemCLI {
    /// `tandem backup PATH`.
    struct Backup: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "backup",
            abstract: "Write a consistent copy of the SQLite database, safe while serving.",
            discussion:
                "The audit checkpoint is copied next to it as PATH.audit-checkpoint and the uploaded files to PATH.files. On PostgreSQL use pg_dump and copy the files directory after it (see README)."
        )

        @Argument(help: ArgumentHelp("The new file to write; an existing one is never overwritten.", valueName: "path"))
        var path: String

        func run() async throws {
            try await CommandTools.backup(to: path)
        }
    }
}
