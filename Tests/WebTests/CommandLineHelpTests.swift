import ArgumentParser
import Foundation
import Testing
import TestSupport
@testable import Web

/// The command line as a user meets it: `--help` everywhere, usage errors exit 64, and `tandem` alone serves.
@Suite struct CommandLineHelpTests {
    /// Every command a user can type, with the options its help must name.
    static var commands: [(words: [String], type: any ParsableCommand.Type, names: [String])] {
        [
            ([], TandemCLI.self, ["serve", "migrate", "demo", "jobs", "audit", "backup", "member"]),
            (["serve"], TandemCLI.Serve.self, ["--hostname", "--port"]),
            (["migrate"], TandemCLI.Migrate.self, []),
            (["demo"], TandemCLI.Demo.self, []),
            (["jobs"], TandemCLI.Jobs.self, ["run"]),
            (["jobs", "run"], TandemCLI.Jobs.Run.self, ["--at"]),
            (["audit"], TandemCLI.Audit.self, ["verify"]),
            (["audit", "verify"], TandemCLI.Audit.Verify.self, []),
            (["backup"], TandemCLI.Backup.self, ["<path>"]),
            (["member"], TandemCLI.Member.self, ["create"]),
            (["member", "create"], TandemCLI.Member.Create.self, ["--name", "--email", "--role", "--language", "--workspace"]),
        ]
    }

    @Test func everyCommandsHelpHasAnAbstractAndNamesEachOfItsOptions() {
        for command in Self.commands {
            // when
            let help = TandemCLI.helpMessage(for: command.type, columns: 200)
            // then
            #expect(help.contains("USAGE: " + (["tandem"] + command.words).joined(separator: " ")), "\(command.words)")
            #expect(!command.type.configuration.abstract.isEmpty && help.contains(command.type.configuration.abstract))
            for name in command.names { #expect(help.contains(name), "\(command.words) help lacks \(name)") }
        }
    }

    @Test(.enabled(if: TandemProcess.isBuilt))
    func theBuiltBinaryAnswersHelpForEveryCommandWithExitZero() throws {
        for command in Self.commands {
            // when
            let result = try TandemProcess.run(command.words + ["--help"])
            // then
            #expect(result.code == 0, "\(command.words): \(result.output)")
            #expect(result.output.contains("USAGE: tandem"))
            for name in command.names { #expect(result.output.contains(name), "\(command.words) --help lacks \(name)") }
        }
    }

    @Test(.enabled(if: TandemProcess.isBuilt))
    func aWrongCommandLineExitsSixtyFourWithoutTouchingTheDatabase() throws {
        let directory = NSTemporaryDirectory() + "tandem-usage-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let environment = ["TANDEM_DATA_DIR": directory]
        for (arguments, says) in [
            (["bogus"], "unknown command 'bogus'"), (["serve", "--port", "eighty"], "--port"),
            (["jobs"], "jobs needs a subcommand"), (["jobs", "run", "--at", "tomorrow"], "--at"),
            (["backup"], "<path>"), (["member", "create", "--name", "Lin"], "--email"),
            (["member", "create", "--name", "Lin", "--email", "l@x.test", "--role", "boss"], "--role"),
        ] {
            // when
            let result = try TandemProcess.run(arguments, environment: environment)
            // then
            #expect(result.code == 64, "\(arguments): \(result.output)")
            #expect(result.output.contains(says), "\(arguments): \(result.output)")
        }
        #expect(!FileManager.default.fileExists(atPath: directory))
    }

    @Test(.enabled(if: TandemProcess.isBuilt && !TestDatabase.isPostgres))
    func tandemWithNoArgumentsServes() async throws {
        // given an empty data directory and a free port
        let directory = NSTemporaryDirectory() + "tandem-serve-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let port = try TandemProcess.freePort()
        // when
        let server = try TandemProcess.start([], environment: ["TANDEM_DATA_DIR": directory, "PORT": "\(port)", "LOG_LEVEL": "error"])
        defer {
            server.terminate()
            server.waitUntilExit()
        }
        // then
        #expect(try await TandemProcess.firstAnswer(port: port, path: "/health") == 200)
    }
}
