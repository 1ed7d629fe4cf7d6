import Domain
import Vapor

/// Which half of the app a route belongs to: the JSON API (bearer tokens) or the pages (session cookie).
enum Surface: String, Sendable {
    case api, page
}

private struct RuleKey: StorageKey { typealias Value = AccessRule }
private struct SurfaceKey: StorageKey { typealias Value = Surface }

extension RoutesBuilder {
    /// Registers a route together with the access rule it is checked against.
    ///
    /// The rule is kept on the route (`userInfo["rule"]`) so the authorization matrix test can walk
    /// the whole route table; principals the rule turns away never reach `handler`.
    /// A `body: .stream` page route cannot have its form token read before the handler runs: its handler reads
    /// the body with `UploadReader`, which refuses the file unless the session's token came first.
    @discardableResult
    func endpoint(
        _ method: HTTPMethod, _ path: PathComponent..., rule: AccessRule, surface: Surface,
        body: HTTPBodyStreamStrategy = .collect,
        use handler: @escaping @Sendable (Request) async throws -> Response
    ) -> Route {
        var streams = false
        if case .stream = body { streams = true }
        let route = on(method, path, body: body) { [streams] req async throws -> Response in
            req.storage[RuleKey.self] = rule
            req.storage[SurfaceKey.self] = surface
            let identity = try await Credentials.identity(of: req, surface: surface)
            try AccessCheck.require(AccessPolicy.decide(rule, for: identity.principal))
            if surface == .page, method != .GET, method != .HEAD {
                if streams { try CSRF.verifySite(req) } else { try CSRF.verify(req, identity: identity) }
            }
            return try await handler(req)
        }
        route.userInfo["rule"] = rule
        route.userInfo["surface"] = surface
        return route
    }
}

extension Request {
    var surface: Surface {
        storage[SurfaceKey.self] ?? (url.path.hasPrefix("/api/") ? .api : .page)
    }

    /// The identity the route wrapper resolved.
    var identity: Identity {
        get async throws { try await Credentials.identity(of: self, surface: surface) }
    }

    var routeRule: AccessRule? { storage[RuleKey.self] }
}

enum AccessCheck {
    static func require(_ decision: AccessDecision) throws {
        switch decision {
        case .allow: return
        case .unauthenticated: throw DomainError.unauthenticated
        case .forbidden: throw DomainError.forbidden
        case .notFound: throw DomainError.notFound
        }
    }
}
