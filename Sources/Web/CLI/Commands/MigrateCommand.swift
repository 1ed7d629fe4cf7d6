import ArgumentParser

extension TandemCLI {
    /// `tandem migrate`: the schema, and nothing else (every other command migrates first too).
    struct Migrate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "migrate",
            abstract: "Bring the database schema up to date, then exit."
        )

        func run() async throws {
            try await CommandTools.migrateSchema()
        }
    }
}
