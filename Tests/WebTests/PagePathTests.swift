import Foundation
import Testing
import TestSupport
import Vapor
@testable import Web

/// Every path a page links to or posts to is a route of the app, with the method a browser uses.
@Suite struct PagePathTests {
    static func matches(_ path: String, _ route: Route) -> Bool {
        let parts = path.split(separator: "/").map(String.init)
        guard parts.count == route.path.count else { return false }
        return zip(parts, route.path).allSatisfy { part, component in
            let text = component.description
            return text.hasPrefix(":") || text == part
        }
    }

    @Test func everyPagePathIsARoute() async throws {
        try await withTestApp { app, _ in
            let routes = app.routes.all
            for (path, method) in PagePath.examples {
                let found = routes.contains { $0.method.rawValue == method && Self.matches(path.description, $0) }
                #expect(found, "\(method) \(path) is not a route")
            }
        }
    }

    @Test func aPathThatIsNoRouteIsFound() async throws {
        try await withTestApp { app, _ in
            #expect(!app.routes.all.contains { $0.method == .GET && Self.matches("/projects/\(UUID())/nowhere", $0) })
        }
    }
}
