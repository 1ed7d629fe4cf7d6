import ArgumentParser

extension TandemCLI {
    /// `tandem demo`: the demo workspace, into an empty database only.
    struct Demo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "demo",
            abstract: "Fill an empty database with a demo workspace and print how to sign in.",
            discussion: """
                Two customers (one Chinese-speaking, one English-speaking) and three projects at different stages. \
                A database that already has a workspace is left alone (exit 1).
                """
        )

        func run() async throws {
            try await CommandTools.demo()
        }
    }
}
