import ArgumentParser
import Foundation

/// The `tandem` executable: serve (default), migrate, demo, jobs run, audit verify, backup, member create.
/// Parsing and `--help` belong to swift-argument-parser (`TandemCLI` and the commands under `Commands/`); the work
/// itself is done by `CommandTools`.
public enum TandemCommand {
    /// Parses `CommandLine.arguments`, runs the command and exits with its code: 0 done, 1 failed, 2 `audit verify`
    /// found a problem, 64 the command line was wrong.
    public static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let unknown = TandemCLI.unknownCommand(in: arguments) {
            FileHandle.standardError.write(Data("unknown command '\(unknown)'\n\n\(TandemCLI.helpMessage())\n".utf8))
            exit(64)
        }
        let command: any ParsableCommand
        do {
            command = try TandemCLI.parseAsRoot(arguments)
        } catch {
            TandemCLI.exit(withError: error)
        }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                var syncCommand = command
                try syncCommand.run()
            }
            exit(0)
        } catch let failure as CommandTools.Failure {
            // The work failed, not the command line: no usage text, just what went wrong.
            FileHandle.standardError.write(Data("tandem: \(failure.underlying)\n".utf8))
            exit(1)
        } catch {
            // The parser's own outcomes (help, usage errors, `ExitCode`) arrive here too, e.g. from `tandem help X`.
            TandemCLI.exit(withError: error)
        }
    }
}
