import ArgumentParser

/// The root of the command line: `tandem` alone, or with only options, serves.
struct TandemCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tandem",
        abstract: "Tandem · 同行: a shared project workspace for a studio and its customers.",
        discussion: """
            Configuration comes from the environment (TANDEM_DATA_DIR, DATABASE_URL, TANDEM_SECRET_KEY, \
            TANDEM_BASE_URL, HOST, PORT, LOG_LEVEL, …; see the README). Every command but serve does its work and exits.
            """,
        subcommands: [Serve.self, Migrate.self, Demo.self, Jobs.self, Audit.self, Backup.self, Member.self],
        defaultSubcommand: Serve.self
    )

    /// The first argument when it names no command (`tandem bogus`). Without this check the default subcommand
    /// would swallow it and answer "unexpected argument", which hides that the command itself is unknown.
    static func unknownCommand(in arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-") else { return nil }
        let known = configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
        return known.contains(first) ? nil : first
    }
}
