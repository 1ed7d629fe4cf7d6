import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// The `tandem` executable: serve (default), migrate, demo, jobs run, audit verify, backup, member create.
public enum TandemCommand {
    static let usage = """
        usage: tandem [serve [--hostname H] [--port P]] | migrate | demo | jobs run [--at RFC3339] | audit verify
                      | backup PATH | member create --name N --email E [--role owner|manager|member] [--language en|zh-Hans]
                        (the password is read from TANDEM_PASSWORD or the first line of standard input)
        """

    public static func main() async {
        var arguments = Array(CommandLine.arguments.dropFirst())
        let command = arguments.first.map { $0.hasPrefix("-") ? "serve" : $0 } ?? "serve"
        if !arguments.isEmpty, !(arguments.first?.hasPrefix("-") ?? false) { arguments.removeFirst() }
        do {
            let config = try AppConfig.fromEnvironment()
            switch command {
            case "serve":
                try await serve(config, arguments: arguments)
            case "migrate", "demo", "jobs", "audit", "backup", "member":
                let code = try await withApp(config) { app in try await runTool(command, arguments, app: app, config: config) }
                exit(code)
            case "help", "--help", "-h":
                print(usage)
            default:
                FileHandle.standardError.write(Data("unknown command '\(command)'\n\(usage)\n".utf8))
                exit(64)
            }
        } catch {
            FileHandle.standardError.write(Data("tandem: \(error)\n".utf8))
            exit(1)
        }
    }

    private static func serve(_ config: AppConfig, arguments: [String]) async throws {
        let portText = try option("--port", in: arguments)
        guard portText == nil || Int(portText!) != nil else { throw AppConfig.Invalid(description: "--port must be a number") }
        let listening = config.listening(hostname: try option("--hostname", in: arguments), port: portText.flatMap { Int($0) })
        let app = try await Application.make(Environment(name: "production", arguments: ["tandem", "serve"] + arguments))
        do {
            try await configure(app, listening)
            try await migrate(app)
            try await app.execute()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    private static func withApp(_ config: AppConfig, _ body: (Application) async throws -> Int32) async throws -> Int32 {
        let app = try await Application.make(Environment(name: "production", arguments: ["tandem"]))
        do {
            try await configure(app, config)
            try await migrate(app)
            let code = try await body(app)
            try await app.asyncShutdown()
            return code
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    private static func runTool(_ command: String, _ arguments: [String], app: Application, config: AppConfig) async throws -> Int32 {
        switch (command, arguments.first) {
        case ("migrate", _):
            print("migrations are up to date")
            return 0
        case ("demo", _):
            try await DemoWorkspace.fill(app)
            print("demo workspace ready: sign in as \(DemoWorkspace.ownerEmail) / \(DemoWorkspace.ownerPassword)")
            return 0
        case ("jobs", "run"):
            let at = try option("--at", in: arguments).map { text -> Date in
                guard let date = try? Date(text, strategy: .iso8601) else { throw AppConfig.Invalid(description: "--at must be an RFC 3339 instant") }
                return date
            } ?? Date()
            let ran = try await JobRegistry.runDue(at: at, app: app)
            print("ran \(ran.count) job(s) due at \(RFC3339.string(at))\(ran.isEmpty ? "" : ": " + ran.joined(separator: ", "))")
            return 0
        case ("audit", "verify"):
            let (code, report) = try await auditVerify(app)
            print(report)
            return code
        case ("backup", let path?):
            try await Backup.write(to: path, app: app, config: config)
            print("backup written to \(path)")
            return 0
        case ("member", "create"):
            let password = ProcessInfo.processInfo.environment["TANDEM_PASSWORD"] ?? readLine(strippingNewline: true) ?? ""
            try await MemberAdmin.create(arguments: arguments, password: password, app: app)
            return 0
        default:
            FileHandle.standardError.write(Data("\(usage)\n".utf8))
            return 64
        }
    }

    /// `tandem audit verify`: 0 and a summary when everything holds; 2 and what was found when not.
    static func auditVerify(_ app: Application) async throws -> (code: Int32, report: String) {
        let result = try await app.verifyAuditLog()
        let warning = result.warning.map { "\nwarning: \($0)" } ?? ""
        guard let problem = result.problem else { return (0, "audit log ok: \(result.entries) entries\(warning)") }
        return (2, "audit log BROKEN (\(result.entries) entries): \(problem)\(warning)")
    }

    static func option(_ name: String, in arguments: [String]) throws -> String? {
        guard let index = arguments.firstIndex(of: name) else { return nil }
        guard index + 1 < arguments.count else { throw AppConfig.Invalid(description: "\(name) needs a value") }
        return arguments[index + 1]
    }
}
