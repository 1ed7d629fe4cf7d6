import Domain
import Fluent
import Foundation
import Persistence
import Vapor

struct CreateIntegrationRequest: Decodable {
    var kind: IMKind
    var url: String
    var secret: String?
    /// Our addition: whose chat it is; `customer` when omitted.
    var audience: IMAudience?
}

/// A project's IM robots and webhooks (owner, manager): add, list, remove. The URL and the secret are sealed
/// before they are stored and never leave again but to the platform; lists name the host only.
enum IntegrationActions {
    static let maxPerProject = 20

    static func create(_ input: CreateIntegrationRequest, project: ProjectRecord, in ctx: ActionContext) async throws -> IntegrationRecord {
        let allowPrivate = ctx.config.webhookAllowPrivate
        let urlText = input.url.trimmingCharacters(in: .whitespaces)
        guard let parsed = WebhookURL.parse(urlText, allowHTTP: allowPrivate) else {
            throw DomainError.validation(field: "url", rule: .webhookURL)
        }
        let secret = try Validate.optionalText(input.secret, field: "secret", max: 200)?.trimmingCharacters(in: .whitespaces)
        if let secret, secret.contains(where: { $0.isNewline }) { throw DomainError.validation(field: "secret", rule: .oneLine) }
        if !allowPrivate {
            // A name that does not resolve now is kept: delivery resolves it again and checks what it connects to.
            let addresses = (try? await HostResolver.addresses(of: parsed.host, port: parsed.port)) ?? []
            if addresses.contains(where: { WebhookAddress.block($0) != nil }) || (IPAddress.parse(parsed.host) != nil && addresses.isEmpty) {
                throw DomainError.validation(field: "url", rule: .privateAddress)
            }
        }
        let projectID = try project.requireID()
        let existing = try await IntegrationStore.active(projectID: projectID, on: ctx.db)
        guard existing.count < maxPerProject else { throw DomainError.conflict("a project has at most \(maxPerProject) integrations") }
        let seal = IntegrationSeal(ctx.services)
        let record = IntegrationRecord()
        let id = UUID()
        record.id = id
        record.workspaceID = project.workspaceID
        record.projectID = projectID
        record.kind = input.kind.rawValue
        record.audience = (input.audience ?? .customer).rawValue
        record.host = parsed.host
        record.urlSealed = try seal.seal(urlText, id: id, field: "url")
        record.secretSealed = try secret.flatMap { $0.isEmpty ? nil : try seal.seal($0, id: id, field: "secret") }
        record.createdAt = ctx.now
        try await ctx.write { db in try await IntegrationStore.create(record, on: db) }
        return record
    }

    static func list(projectID: UUID, in ctx: ActionContext) async throws -> [IntegrationRecord] {
        try await IntegrationStore.active(projectID: projectID, on: ctx.db)
    }

    /// Removes it from the project; its queued messages fail at delivery with "the integration was removed".
    static func remove(_ record: IntegrationRecord, in ctx: ActionContext) async throws {
        let now = ctx.now
        try await ctx.write { db in try await IntegrationStore.markRemoved(record, at: now, on: db) }
    }

    /// What the delivery log and the lists show for it: "dingtalk · oapi.dingtalk.com".
    static func label(kind: String, host: String) -> String { "\(kind) · \(host)" }

    /// Names `rows`' IM recipients (integration ids) by kind and host, for the delivery log.
    static func recipientLabels(_ rows: [OutboxRecord], on db: any Database) async throws -> [String: String] {
        let ids = rows.filter { $0.channel == IMDelivery.channel }.compactMap { UUID(uuidString: $0.recipient) }
        var labels: [String: String] = [:]
        for record in try await IntegrationStore.many(ids, on: db) {
            guard let id = record.id else { continue }
            labels[id.uuidString] = label(kind: record.kind, host: record.host)
        }
        return labels
    }

    /// The recipient a delivery row is shown with: the address for e-mail, kind and host for IM (never the URL).
    static func shownRecipient(_ row: OutboxRecord, labels: [String: String]) -> String {
        guard row.channel == IMDelivery.channel else { return row.recipient }
        return labels[row.recipient.uppercased()] ?? "im · removed"
    }
}

extension Request {
    /// The integration of the route, decided against its project's rule (a hidden project's answers 404).
    func authorizedIntegration() async throws -> IntegrationRecord {
        guard let record = try await IntegrationStore.find(try uuidParameter("integrationID"), on: db), record.removedAt == nil else {
            throw DomainError.notFound
        }
        try await authorize(projectID: record.projectID, visibleToCustomer: true)
        return record
    }
}
