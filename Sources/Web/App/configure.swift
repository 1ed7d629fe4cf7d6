import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// Builds the whole application from one configuration value.
public func configure(_ app: Application, _ config: AppConfig, clock: @escaping @Sendable () -> Date = { Date() }) async throws {
    app.logger.logLevel = Logger.Level(rawValue: config.logLevel) ?? .info
    app.http.server.configuration.hostname = config.host
    app.http.server.configuration.port = config.port
    app.routes.defaultMaxBodySize = "1mb"
    app.routes.caseInsensitive = false

    // Every database needs the data directory: it holds the audit checkpoint (and, on SQLite, the key file).
    try FileManager.default.createDirectory(atPath: config.dataDirectory, withIntermediateDirectories: true)
    let (secretKey, madeKeyFile) = try SecretKey.load(config.secretKey)
    try DatabaseSetup.register(config.database, connectionsPerLoop: config.databaseConnectionsPerLoop, on: app.databases)
    let isSQLite: Bool
    switch config.database {
    case .postgres: isSQLite = false
    default: isSQLite = true
    }
    if isSQLite {
        try await DatabaseSetup.prepareSQLiteConnections(app.databases, eventLoops: Array(app.eventLoopGroup.makeIterator()), logger: app.logger)
    }
    for migration in AllMigrations.list { app.migrations.add(migration) }

    app.tandem = TandemServices(
        config: config, clock: clock, writeGate: isSQLite ? WriteGate() : nil,
        catalogue: try Catalogue.load(), dummyPasswordHash: DummyPasswordHash(cost: config.bcryptCost),
        auditKey: secretKey.auditKey,
        auditCheckpoint: AuditCheckpointFile(directory: config.dataDirectory, key: secretKey.auditKey),
        secretKey: secretKey, madeKeyFile: madeKeyFile)
    app.tandem.webhooks = NIOWebhookTransport(allowPrivate: config.webhookAllowPrivate)
    if let smtp = config.smtp {
        app.tandem.mail = try SMTPMailTransport(configuration: smtp)
        app.tandem.mailFrom = smtp.from
    }

    app.middleware = Middlewares()
    app.middleware.use(SecurityHeaders())
    app.middleware.use(ErrorMapping())
    try routes(app)
}
