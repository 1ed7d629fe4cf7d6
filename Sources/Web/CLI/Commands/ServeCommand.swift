import ArgumentParser

extension TandemCLI {
    /// `tandem serve`: migrates, then serves until stopped.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Migrate the database, then serve the app until stopped (the default command).",
            discussion: "Without options it listens where HOST and PORT say (127.0.0.1:8080 unless set)."
        )

        @Option(help: "The address to listen on, overriding HOST (e.g. 0.0.0.0 behind a proxy).")
        var hostname: String?

        @Option(help: "The port to listen on, overriding PORT.")
        var port: Int?

        func validate() throws {
            if let port, !(0...65535).contains(port) { throw ValidationError("--port must be between 0 and 65535") }
        }

        func run() async throws {
            try await CommandTools.serve(hostname: hostname, port: port)
        }
    }
}
