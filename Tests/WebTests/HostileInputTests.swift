import Foundation
import Testing
import TestSupport
import Vapor
@testable import Web

/// Hostile numbers sent to every route of the route table, so a new route is covered without anyone
/// remembering it: no answer is a 5xx, the server keeps answering, and every list refuses a bad
/// cursor or limit with a 400 that names it.
@Suite struct HostileInputTests {
    static let hostileCursors =
        ["o:9223372036854775807", "o:-9223372036854775808", "o:9223372036854775808", "o:1000000001"]
        .map { Data($0.utf8).base64EncodedString() } + ["%25%25%25", String(repeating: "QUFB", count: 500)]
    static let hostileLimits = ["9223372036854775807", "-9223372036854775808", "99999999999999999999", "0", "-1", "1e400", "NaN"]
    static let hostilePages = ["9223372036854775807", "-9223372036854775808", "99999999999999999999"]

    @Test func everyGETRouteSurvivesHostileCursorsLimitsAndPages() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            var lists = 0
            for route in app.routes.all where route.method == .GET {
                let api = (route.userInfo["surface"] as? Surface) == .api
                guard let path = try await world.fill(route.path) else { continue }
                for who in [World.Who.owner, .approverA] {
                    let plain = try await world.send(.GET, path, api: api, as: who)
                    let isList = api && plain.status == .ok && plain.json.keys.contains("nextCursor")
                    if isList { lists += 1 }
                    // when
                    for cursor in Self.hostileCursors {
                        let reply = try await world.send(.GET, "\(path)?cursor=\(cursor)", api: api, as: who)
                        // then
                        #expect(reply.status.code < 500, "GET \(path)?cursor=\(cursor) as \(who): \(reply.status)")
                        if isList { #expect(reply.status == .badRequest && reply.errorField == "cursor", "GET \(path) cursor \(cursor)") }
                    }
                    for limit in Self.hostileLimits {
                        let reply = try await world.send(.GET, "\(path)?limit=\(limit)", api: api, as: who)
                        #expect(reply.status.code < 500, "GET \(path)?limit=\(limit) as \(who): \(reply.status)")
                        if isList { #expect(reply.status == .badRequest && reply.errorField == "limit", "GET \(path) limit \(limit)") }
                    }
                    for page in Self.hostilePages {
                        let reply = try await world.send(.GET, "\(path)?page=\(page)", api: api, as: who)
                        #expect(reply.status.code < 500, "GET \(path)?page=\(page) as \(who): \(reply.status)")
                    }
                }
            }
            // then
            #expect(lists >= 8, "the sweep found only \(lists) list answers: is the route table walked?")
            #expect(try await world.client.json(.GET, "/health").status == .ok)
        }
    }

    @Test func everyAPIBodyWithHostileNumbersIsRefusedOrAccepted() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            let document = try await world.client.json(.GET, "/api/openapi.json").json
            let bodies = HostileBodies(document: document, world: world)
            var sent = 0
            for route in app.routes.all where [.POST, .PUT, .PATCH].contains(route.method) {
                guard (route.userInfo["surface"] as? Surface) == .api,
                    let path = try await world.fill(route.path)
                else { continue }
                let template = "/" + route.path.map(\.description).joined(separator: "/")
                for body in bodies.variants(method: route.method.rawValue.lowercased(), template: OpenAPITests.shape(template)) {
                    // when
                    let reply = try await world.send(route.method, path, api: true, as: .owner, json: body)
                    sent += 1
                    // then
                    #expect(reply.status.code < 500, "\(route.method) \(path) \(body): \(reply.status) \(reply.body.prefix(200))")
                }
            }
            #expect(sent > 30, "only \(sent) hostile bodies were sent")
            #expect(try await world.client.json(.GET, "/health").status == .ok)
        }
    }
}

/// Request bodies built from the OpenAPI request schemas: plausible values everywhere, and one numeric
/// field at a time set to a value that would trap unchecked arithmetic.
struct HostileBodies {
    static let numbers = ["9223372036854775807", "-9223372036854775808", "18446744073709551616", "1e308", "-1e308", "1e-320"]

    let document: [String: any Sendable]
    let world: World

    var schemas: [String: any Sendable] { ((document["components"] as? [String: any Sendable])?["schemas"] as? [String: any Sendable]) ?? [:] }

    func variants(method: String, template: String) -> [String] {
        let paths = (document["paths"] as? [String: any Sendable]) ?? [:]
        guard
            let operation = paths.first(where: { OpenAPITests.shape($0.key) == template })
                .flatMap({ ($0.value as? [String: any Sendable])?[method] as? [String: any Sendable] }),
            let body = operation["requestBody"] as? [String: any Sendable],
            let schema = ((body["content"] as? [String: any Sendable])?["application/json"] as? [String: any Sendable])?["schema"]
                as? [String: any Sendable]
        else { return [] }
        let resolved = resolve(schema)
        let numericPaths = numericFields(resolved, prefix: [])
        return numericPaths.flatMap { field in Self.numbers.map { value in render(resolved, hostile: field, value: value, at: []) } }
    }

    private func resolve(_ schema: [String: any Sendable]) -> [String: any Sendable] {
        guard let ref = schema["$ref"] as? String, let name = ref.split(separator: "/").last else { return schema }
        return (schemas[String(name)] as? [String: any Sendable]).map(resolve) ?? schema
    }

    private func properties(_ schema: [String: any Sendable]) -> [(String, [String: any Sendable])] {
        ((schema["properties"] as? [String: any Sendable]) ?? [:]).compactMap { key, value in
            (value as? [String: any Sendable]).map { (key, resolve($0)) }
        }.sorted { $0.0 < $1.0 }
    }

    private func numericFields(_ schema: [String: any Sendable], prefix: [String]) -> [[String]] {
        switch schema["type"] as? String {
        case "integer", "number": return [prefix]
        case "object": return properties(schema).flatMap { numericFields($0.1, prefix: prefix + [$0.0]) }
        case "array":
            return (schema["items"] as? [String: any Sendable]).map { numericFields(resolve($0), prefix: prefix + ["[]"]) } ?? []
        default: return []
        }
    }

    /// JSON text for `schema` with `value` (raw JSON) at `hostile`; every other field gets a plausible value.
    private func render(_ schema: [String: any Sendable], hostile: [String], value: String, at path: [String]) -> String {
        if path == hostile { return value }
        switch schema["type"] as? String {
        case "object":
            let fields = properties(schema).map { "\"\($0.0)\":" + render($0.1, hostile: hostile, value: value, at: path + [$0.0]) }
            return "{" + fields.joined(separator: ",") + "}"
        case "array":
            guard let items = schema["items"] as? [String: any Sendable] else { return "[]" }
            let resolved = resolve(items)
            let onHostilePath = hostile.starts(with: path + ["[]"])
            return onHostilePath ? "[" + render(resolved, hostile: hostile, value: value, at: path + ["[]"]) + "]" : "[]"
        case "integer": return "1"
        case "number": return "1.5"
        case "boolean": return "false"
        default:
            if let choices = schema["enum"] as? [String], let first = choices.first { return "\"\(first)\"" }
            switch schema["format"] as? String {
            case "date": return "\"2026-12-10\""
            case "date-time": return "\"2026-12-10T09:00:00Z\""
            case "uuid": return "\"\(uuid(for: path.last ?? ""))\""
            case "email": return "\"someone@example.test\""
            case "uri": return "\"https://example.test/a\""
            default: return path.last == "timeZone" ? "\"Asia/Shanghai\"" : "\"Hostile numbers\""
            }
        }
    }

    private func uuid(for key: String) -> String {
        switch key {
        case "customerId": return world.customerA.uuidString
        case "contactId": return world.ids[.viewerA]!.uuidString
        case "milestoneId": return world.visibleMilestone.uuidString
        case "assigneeId": return world.ids[.member]!.uuidString
        default: return world.visibleItem.uuidString
        }
    }
}
