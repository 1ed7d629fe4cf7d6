import Domain
import Foundation
import Persistence

/// Sends one queued IM row (channel `im`, recipient = the integration's id) through `ctx.services.webhooks`:
/// opens the sealed URL and secret, signs what the platform checks (DingTalk: `timestamp`/`sign` in the query;
/// Feishu: in the body; generic webhook: `X-Tandem-Signature`), adds `X-Tandem-Delivery` (the row's idempotency
/// key) to every call, and reads the answer (`IMAnswer`). The outcome goes back to `OutboxDelivery` as a
/// `MailError?`, so sent / retried / failed is decided in one place.
enum IMDelivery {
    static let channel = "im"
    static let removedReason = "the integration was removed from the project"

    static func send(_ row: OutboxRecord, at now: Date, in ctx: ActionContext) async -> MailError? {
        guard let id = UUID(uuidString: row.recipient), let integration = try? await IntegrationStore.find(id, on: ctx.db),
            integration.removedAt == nil
        else { return .permanent(removedReason) }
        guard let kind = IMKind(rawValue: integration.kind) else { return .permanent("unknown integration kind \(integration.kind)") }
        let label = IntegrationActions.label(kind: integration.kind, host: integration.host)
        let seal = IntegrationSeal(ctx.services)
        let url: String
        let secret: String?
        do {
            url = try seal.open(integration.urlSealed, id: id, field: "url")
            secret = try integration.secretSealed.map { try seal.open($0, id: id, field: "secret") }
        } catch {
            return .permanent("\(label): \(error)")
        }
        var request = WebhookRequest(url: url, headers: [("X-Tandem-Delivery", row.idempotencyKey)], body: Array(row.body.utf8), label: label)
        if let secret {
            switch kind {
            case .dingtalk:
                let query = IMSigning.dingTalkQuery(timestampMillis: Int64((now.timeIntervalSince1970 * 1000).rounded(.down)), secret: secret)
                request.url += (url.contains("?") ? "&" : "?") + query
            case .feishu:
                request.body = Array(
                    IMSigning.feishuSignedBody(row.body, timestampSeconds: Int64(now.timeIntervalSince1970.rounded(.down)), secret: secret).utf8)
            case .webhook:
                request.headers.append(("X-Tandem-Signature", IMSigning.webhookSignature(body: request.body, secret: secret)))
            case .slack, .teams, .wecom:
                break
            }
        }
        let response: WebhookResponse
        do {
            response = try await ctx.services.webhooks.post(request)
        } catch {
            return scrubbed(error, url: url, secret: secret)
        }
        switch IMAnswer.classify(kind: kind, status: response.status, body: response.body, label: label) {
        case .delivered: return nil
        case .retry(let reason): return scrubbed(.transient(reason), url: url, secret: secret)
        case .refused(let reason): return scrubbed(.permanent(reason), url: url, secret: secret)
        }
    }

    /// A reason never carries the URL's path or query (WeCom's and Slack's carry the key) nor the secret.
    static func scrubbed(_ error: MailError, url: String, secret: String?) -> MailError {
        var secrets = [url]
        if let parsed = WebhookURL.parse(url, allowHTTP: true), parsed.pathAndQuery.count > 1 { secrets.append(parsed.pathAndQuery) }
        // The key may come back alone (an error message quoting it): every query value and every long path segment.
        if let components = URLComponents(string: url) {
            secrets += (components.queryItems ?? []).compactMap(\.value).filter { $0.count >= 4 }
            secrets += components.path.split(separator: "/").map(String.init).filter { $0.count >= 8 }
        }
        if let secret, !secret.isEmpty { secrets.append(secret) }
        secrets.sort { $0.count > $1.count }
        func clean(_ text: String) -> String {
            secrets.reduce(text) { $0.replacingOccurrences(of: $1, with: "***") }
        }
        switch error {
        case .notConfigured: return error
        case .transient(let reason): return .transient(clean(reason))
        case .permanent(let reason): return .permanent(clean(reason))
        }
    }
}
