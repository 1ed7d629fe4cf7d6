import Domain
import Foundation
import Persistence

/// Everything the environment configures, parsed once at start; a bad value stops the start with a clear message.
public struct AppConfig: Sendable {
    public var database: DatabaseLocation
    public var dataDirectory: String
    public var baseURL: URL
    public var host: String
    public var port: Int
    public var logLevel: String
    /// bcrypt cost; tests lower it (a cost-12 hash takes ~0.3 s here).
    public var bcryptCost: Int
    /// PostgreSQL connections per event loop (the tests, hundreds of apps at once, keep it small).
    public var databaseConnectionsPerLoop = 8
    /// Reverse proxies whose `X-Forwarded-For` is believed (`TANDEM_TRUSTED_PROXIES`); empty: none.
    public var trustedProxies: [IPNetwork] = []
    /// The app's secret (audit log keys; later the encryption of stored secrets).
    public var secretKey: SecretKey.Source
    /// The largest file an upload may carry (`TANDEM_MAX_UPLOAD_MB`, default 25 MB), counted while it streams in.
    public var maxUploadBytes = 25 << 20
    /// The SMTP server (`TANDEM_SMTP_*`); nil: no mail leaves, messages stay queued.
    public var smtp: SMTPConfiguration?
    /// Whether webhooks may lead to loopback, private and link-local addresses, over http too
    /// (`TANDEM_WEBHOOK_ALLOW_PRIVATE=true`; tests and closed networks). Off: such URLs are refused when added and
    /// when delivered, checked against the address actually connected to.
    public var webhookAllowPrivate = false
    /// False when the base URL was derived from host and port, so `serve --port` may move it along.
    public var baseURLIsExplicit = true

    public struct Invalid: Error, CustomStringConvertible {
        public var description: String
    }

    public init(
        database: DatabaseLocation, dataDirectory: String, baseURL: URL, host: String = "127.0.0.1",
        port: Int = 8080, logLevel: String = "info", bcryptCost: Int = 12, secretKey: SecretKey.Source? = nil
    ) {
        self.database = database
        self.dataDirectory = dataDirectory
        self.baseURL = baseURL
        self.host = host
        self.port = port
        self.logLevel = logLevel
        self.bcryptCost = bcryptCost
        self.secretKey = secretKey ?? .file(path: (dataDirectory as NSString).appendingPathComponent("secret.key"))
    }

    /// The same configuration listening where `serve --hostname/--port` asked.
    public func listening(hostname: String?, port: Int?) -> AppConfig {
        var copy = self
        copy.host = hostname ?? host
        copy.port = port ?? self.port
        if !baseURLIsExplicit, let url = URL(string: "http://\(copy.host):\(copy.port)") { copy.baseURL = url }
        return copy
    }

    /// Where uploaded files live: `<data dir>/files` (shared by the instances on PostgreSQL, like the checkpoint).
    public var filesDirectory: String { (dataDirectory as NSString).appendingPathComponent("files") }

    public var cookiesAreSecure: Bool { baseURL.scheme == "https" }

    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> AppConfig {
        let dataDirectory = env["TANDEM_DATA_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "./data"
        let database: DatabaseLocation
        if let url = env["DATABASE_URL"], !url.isEmpty {
            guard url.hasPrefix("postgres://") || url.hasPrefix("postgresql://"), URL(string: url)?.host != nil else {
                throw Invalid(description: "DATABASE_URL must look like postgres://user:password@host:5432/database")
            }
            database = .postgres(url: url, searchPath: env["TANDEM_DB_SCHEMA"])
        } else {
            database = .sqliteFile(path: (dataDirectory as NSString).appendingPathComponent("tandem.sqlite"))
        }
        let port = try parseInt(env["PORT"], name: "PORT", default: 8080, range: 1...65535)
        let host = env["HOST"].flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1"
        let baseText = env["TANDEM_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? "http://\(host):\(port)"
        guard let baseURL = URL(string: baseText), let scheme = baseURL.scheme, ["http", "https"].contains(scheme),
            baseURL.host != nil
        else {
            throw Invalid(description: "TANDEM_BASE_URL must be an http(s) URL such as https://tandem.example.com")
        }
        let logLevel = env["LOG_LEVEL"].flatMap { $0.isEmpty ? nil : $0.lowercased() } ?? "info"
        guard ["trace", "debug", "info", "notice", "warning", "error", "critical"].contains(logLevel) else {
            throw Invalid(description: "LOG_LEVEL must be one of trace, debug, info, notice, warning, error, critical")
        }
        let cost = try parseInt(env["TANDEM_BCRYPT_COST"], name: "TANDEM_BCRYPT_COST", default: 12, range: 4...16)
        let secretKey = try parseSecretKey(env["TANDEM_SECRET_KEY"], database: database)
        var config = AppConfig(
            database: database, dataDirectory: dataDirectory,
            baseURL: URL(string: baseText.hasSuffix("/") ? String(baseText.dropLast()) : baseText)!,
            host: host, port: port, logLevel: logLevel, bcryptCost: cost, secretKey: secretKey)
        config.baseURLIsExplicit = env["TANDEM_BASE_URL"].map { !$0.isEmpty } ?? false
        config.maxUploadBytes = try parseInt(env["TANDEM_MAX_UPLOAD_MB"], name: "TANDEM_MAX_UPLOAD_MB", default: 25, range: 1...4096) << 20
        config.trustedProxies = try parseNetworks(env["TANDEM_TRUSTED_PROXIES"], name: "TANDEM_TRUSTED_PROXIES")
        config.smtp = try parseSMTP(env, heloName: baseURL.host ?? "localhost")
        config.webhookAllowPrivate = try parseBool(env["TANDEM_WEBHOOK_ALLOW_PRIVATE"], name: "TANDEM_WEBHOOK_ALLOW_PRIVATE")
        return config
    }

    private static func parseSMTP(_ env: [String: String], heloName: String) throws -> SMTPConfiguration? {
        func value(_ name: String) -> String? { env[name].flatMap { $0.isEmpty ? nil : $0 } }
        guard let host = value("TANDEM_SMTP_HOST") else { return nil }
        let securityText = value("TANDEM_SMTP_SECURITY")?.lowercased() ?? "starttls"
        guard let security = SMTPConfiguration.Security(rawValue: securityText) else {
            throw Invalid(description: "TANDEM_SMTP_SECURITY must be none, starttls or tls, not '\(securityText)'")
        }
        let port = try parseInt(
            env["TANDEM_SMTP_PORT"], name: "TANDEM_SMTP_PORT", default: SMTPConfiguration.defaultPort(security), range: 1...65535)
        guard let from = value("TANDEM_SMTP_FROM") else {
            throw Invalid(description: "TANDEM_SMTP_FROM must be set when TANDEM_SMTP_HOST is set (such as Tandem <tandem@example.com>)")
        }
        do {
            _ = try MIMEMessage.parseMailbox(from)
        } catch {
            throw Invalid(description: "TANDEM_SMTP_FROM must be an address such as tandem@example.com or Tandem <tandem@example.com>")
        }
        let username = value("TANDEM_SMTP_USERNAME")
        let password = value("TANDEM_SMTP_PASSWORD")
        guard (username == nil) == (password == nil) else {
            throw Invalid(description: "TANDEM_SMTP_USERNAME and TANDEM_SMTP_PASSWORD must be set together")
        }
        guard username == nil || security != .none || ["127.0.0.1", "localhost", "::1"].contains(host) else {
            throw Invalid(description: "TANDEM_SMTP_PASSWORD is not sent over a plain connection: set TANDEM_SMTP_SECURITY to starttls or tls")
        }
        let caFile = value("TANDEM_SMTP_CA_FILE")
        if let caFile, !FileManager.default.isReadableFile(atPath: caFile) {
            throw Invalid(description: "TANDEM_SMTP_CA_FILE names no readable file: \(caFile)")
        }
        return SMTPConfiguration(
            host: host, port: port, security: security, from: from, username: username, password: password, caFile: caFile,
            heloName: heloName)
    }

    private static func parseNetworks(_ text: String?, name: String) throws -> [IPNetwork] {
        let entries = (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return try entries.map { entry in
            guard let network = IPNetwork(entry) else {
                throw Invalid(
                    description:
                        "\(name) must list IP addresses or CIDR blocks separated by commas, such as 127.0.0.1,10.0.0.0/8; '\(entry)' is neither")
            }
            return network
        }
    }

    /// The key must not live in the database it protects: on SQLite a key file next to (not inside) the database
    /// file will do; on PostgreSQL, whose instances may not share a disk, it must be given.
    private static func parseSecretKey(_ text: String?, database: DatabaseLocation) throws -> SecretKey.Source? {
        if let text, !text.isEmpty {
            guard let key = SecretKey(text: text) else {
                throw Invalid(description: "TANDEM_SECRET_KEY must be 64 hex characters or base64 of 32 bytes (make one with: openssl rand -hex 32)")
            }
            return .value(key)
        }
        if case .postgres = database {
            throw Invalid(
                description:
                    "TANDEM_SECRET_KEY must be set when DATABASE_URL is set (make one with: openssl rand -hex 32, and keep it with the backups)")
        }
        return nil
    }

    private static func parseBool(_ text: String?, name: String) throws -> Bool {
        guard let text, !text.isEmpty else { return false }
        switch text.lowercased() {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw Invalid(description: "\(name) must be true or false, not '\(text)'")
        }
    }

    private static func parseInt(_ text: String?, name: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text, !text.isEmpty else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw Invalid(description: "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text)'")
        }
        return number
    }
}
