import ArgumentParser
import Foundation

extension TandemCLI {
    /// `tandem jobs …`: only `run` so far.
    struct Jobs: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "jobs",
            abstract: "Run scheduled jobs (for cron or a systemd timer).",
            subcommands: [Run.self]
        )

        func run() throws { throw ValidationError("jobs needs a subcommand: run") }

        /// `tandem jobs run [--at T]`.
        struct Run: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "run",
                abstract: "Run every job due at an instant and name those that did work."
            )

            @Option(help: ArgumentHelp("The instant, RFC 3339 (e.g. 2026-12-01T09:00:00Z); default: now.", valueName: "instant"))
            var at: Instant?

            func run() async throws {
                try await CommandTools.runJobs(at: at?.date ?? Date())
            }
        }
    }

    /// An RFC 3339 instant given on the command line.
    struct Instant: ExpressibleByArgument {
        var date: Date

        init?(argument: String) {
            guard let date = try? Date(argument, strategy: .iso8601) else { return nil }
            self.date = date
        }
    }
}
