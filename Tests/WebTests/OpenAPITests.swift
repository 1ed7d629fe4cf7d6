import Foundation
import Testing
import TestSupport
import Vapor
@testable import Web

/// `GET /api/openapi.json` describes exactly the `/api` routes the app serves.
@Suite struct OpenAPITests {
    /// `/api/v1/projects/:projectID` and `/api/v1/projects/{id}` both become `/api/v1/projects/{}`.
    static func shape(_ path: String) -> String {
        // A calendar feed's `{token}.ics` is one parameter in Vapor (`:feedToken`, the handler checks the suffix).
        path.split(separator: "/").map {
            $0.hasPrefix(":") || ($0.hasPrefix("{") && ($0.hasSuffix("}") || $0.hasSuffix("}.ics"))) ? "{}" : String($0)
        }
        .joined(separator: "/")
    }

    @Test func theDocumentListsEveryAPIRouteAndNoOther() async throws {
        try await withTestApp { app, _ in
            // given
            let reply = try await TestClient(app).json(.GET, "/api/openapi.json")
            #expect(reply.status == .ok)
            let paths = try #require(reply.json["paths"] as? [String: [String: any Sendable]])
            var documented = Set<String>()
            for (path, operations) in paths {
                for method in operations.keys where ["get", "post", "put", "patch", "delete"].contains(method) {
                    documented.insert("\(method.uppercased()) \(Self.shape(path))")
                }
            }
            // when
            let served = Set(
                app.routes.all.compactMap { route -> String? in
                    let path = "/" + route.path.map(\.description).joined(separator: "/")
                    let api = path.hasPrefix("/api/") || path.hasPrefix("/calendar/")
                    return api ? "\(route.method.rawValue) \(Self.shape(path))" : nil
                })
            // then
            #expect(served.subtracting(documented).sorted() == [], "routes missing from openapi.json")
            #expect(documented.subtracting(served).sorted() == [], "openapi.json describes routes that do not exist")
        }
    }

    @Test func theDocumentIsOpenAPI3() async throws {
        try await withTestApp { app, _ in
            let reply = try await TestClient(app).json(.GET, "/api/openapi.json")
            #expect((reply.json["openapi"] as? String)?.hasPrefix("3.") == true)
            #expect(reply.headers.contentType == .json)
        }
    }
}
