import Domain
import Foundation
import Vapor

/// Health check, the OpenAPI document and the static assets.
struct SystemController {
    let openAPI: Data
    let stylesheet: Data
    let script: Data

    init() throws {
        openAPI = try ResourceFile.data("openapi.json")
        stylesheet = try ResourceFile.data("app.css")
        script = try ResourceFile.data("app.js")
    }

    func register(_ routes: any RoutesBuilder) {
        routes.endpoint(.GET, "health", rule: .open, surface: .page) { _ in
            Response(status: .ok, headers: ["Content-Type": "text/plain"], body: "ok")
        }
        routes.endpoint(.GET, "api", "openapi.json", rule: .open, surface: .api) { [openAPI] _ in
            Response(status: .ok, headers: ["Content-Type": "application/json"], body: .init(data: openAPI))
        }
        routes.endpoint(.GET, "static", "app.css", rule: .open, surface: .page) { [stylesheet] _ in
            Self.asset(stylesheet, type: "text/css; charset=utf-8")
        }
        routes.endpoint(.GET, "static", "app.js", rule: .open, surface: .page) { [script] _ in
            Self.asset(script, type: "text/javascript; charset=utf-8")
        }
    }

    private static func asset(_ data: Data, type: String) -> Response {
        Response(status: .ok, headers: ["Content-Type": type, "Cache-Control": "public, max-age=3600"], body: .init(data: data))
    }
}
