import Domain
import Foundation
import Persistence
import Vapor

extension Request {
    /// The client's address: the peer, or the client behind a trusted proxy (`TANDEM_TRUSTED_PROXIES`),
    /// as the key throttles count under.
    var clientAddress: String {
        let resolved = ClientAddress.resolve(
            peer: remoteAddress?.ipAddress, forwardedFor: headers[.xForwardedFor],
            trusted: tandem.config.trustedProxies)
        return IPAddress.throttleKey(resolved)
    }
}

/// Failed member sign-ins, counted in the database so every instance agrees (rules in `SignInThrottlePolicy`).
enum SignInThrottle {
    static func keys(email: String, client: String) -> (address: String, client: String, pair: String) {
        ("address:\(email)", "client:\(client)", "pair:\(email)|\(client)")
    }

    /// Throws `throttled` with the seconds to wait when this attempt must wait.
    static func check(email: String, client: String, knownDevice: Bool, in ctx: ActionContext) async throws {
        let since = ctx.now.addingTimeInterval(-SignInThrottlePolicy.window)
        let keys = keys(email: email, client: client)
        let failures = SignInThrottlePolicy.Failures(
            address: try await AttemptStore.times(key: keys.address, since: since, on: ctx.db),
            client: try await AttemptStore.times(key: keys.client, since: since, on: ctx.db),
            pair: try await AttemptStore.times(key: keys.pair, since: since, on: ctx.db))
        if let wait = SignInThrottlePolicy.wait(failures, knownDevice: knownDevice, now: ctx.now) {
            throw DomainError.throttled(retryAfterSeconds: wait)
        }
    }

    static func recordFailure(email: String, client: String, in ctx: ActionContext) async throws {
        let keys = keys(email: email, client: client)
        try await ctx.write { [now = ctx.now] db in
            try await AttemptStore.record(keys: [keys.address, keys.client, keys.pair], at: now, on: db)
        }
    }
}
