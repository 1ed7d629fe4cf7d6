import Foundation
import Vapor

/// What each `tandem` command does once its command line is parsed (parsing lives in `Commands/`, which keeps
/// Vapor out: ConsoleKit's `@Option`/`@Argument`/`@Flag` would clash with the argument parser's).
enum CommandTools {
    /// Whatever stopped a command's work, told apart from the parser's own errors so only the latter get usage text.
    struct Failure: Error {
        var underlying: any Error
    }

    /// Serves through Vapor's own `serve` command. It is given no options: hostname and port are already in
    /// the configuration, so there is one parser and one source of truth.
    static func serve(hostname: String?, port: Int?) async throws {
        do { try await serveUntilStopped(hostname: hostname, port: port) } catch { throw Failure(underlying: error) }
    }

    private static func serveUntilStopped(hostname: String?, port: Int?) async throws {
        let listening = try AppConfig.fromEnvironment().listening(hostname: hostname, port: port)
        let app = try await Application.make(Environment(name: "production", arguments: ["tandem", "serve"]))
        do {
            try await configure(app, listening)
            try await migrate(app)
            app.lifecycle.use(JobScheduler())
            try await app.execute()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    static func migrateSchema() async throws {
        try await withApp { _, _ in print("migrations are up to date") }
    }

    static func demo() async throws {
        try await withApp { app, _ in
            try await DemoWorkspace.fill(app)
            print("demo workspace ready: sign in as \(DemoWorkspace.ownerEmail) / \(DemoWorkspace.ownerPassword)")
        }
    }

    static func runJobs(at: Date) async throws {
        try await withApp { app, _ in
            let ran = try await JobRegistry.runDue(at: at, app: app)
            print("ran \(ran.count) job(s) due at \(RFC3339.string(at))\(ran.isEmpty ? "" : ": " + ran.joined(separator: ", "))")
        }
    }

    /// The exit code of `audit verify`, after printing its report.
    static func auditVerify() async throws -> Int32 {
        try await withApp { app, _ in
            let (code, report) = try await TandemCommand.auditVerify(app)
            print(report)
            return code
        }
    }

    static func backup(to path: String) async throws {
        try await withApp { app, config in
            try await Backup.write(to: path, app: app, config: config)
            print("backup written to \(path)")
        }
    }

    static func createMember(_ member: MemberAdmin.NewMember) async throws {
        let password = ProcessInfo.processInfo.environment["TANDEM_PASSWORD"] ?? readLine(strippingNewline: true) ?? ""
        try await withApp { app, _ in try await MemberAdmin.create(member, password: password, app: app) }
    }

    /// A configured, migrated app for one command's work, shut down afterwards whatever happens.
    private static func withApp<T>(_ body: (Application, AppConfig) async throws -> T) async throws -> T {
        do { return try await withMigratedApp(body) } catch { throw Failure(underlying: error) }
    }

    private static func withMigratedApp<T>(_ body: (Application, AppConfig) async throws -> T) async throws -> T {
        let config = try AppConfig.fromEnvironment()
        let app = try await Application.make(Environment(name: "production", arguments: ["tandem"]))
        do {
            try await configure(app, config)
            try await migrate(app)
            let result = try await body(app, config)
            try await app.asyncShutdown()
            return result
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}

extension TandemCommand {
    /// `tandem audit verify`: 0 and a summary when everything holds; 2 and what was found when not.
    static func auditVerify(_ app: Application) async throws -> (code: Int32, report: String) {
        let result = try await app.verifyAuditLog()
        let warning = result.warning.map { "\nwarning: \($0)" } ?? ""
        guard let problem = result.problem else { return (0, "audit log ok: \(result.entries) entries\(warning)") }
        return (2, "audit log BROKEN (\(result.entries) entries): \(problem)\(warning)")
    }
}
