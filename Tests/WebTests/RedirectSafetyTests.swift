import Foundation
import Testing
import TestSupport
import Vapor
@testable import Web

/// Return-to targets from outside (`?next=`, `Referer`) never leave the site and never inject a header.
@Suite struct RedirectSafetyTests {
    static let hostileTargets = [
        "/\r\nSet-Cookie: evil=1", "/%0d%0aSet-Cookie:%20evil=1", "/\tevil", "/%09/evil.example", "//evil.example",
        "/\\evil.example", "https://evil.example/", "/%2F%2Fevil.example", "/%5C%5Cevil.example", "%2F%2Fevil.example",
        "/%252F%252Fevil.example", "http:evil.example", "/\u{2028}evil",
    ]

    private func assertSafe(_ reply: Reply, _ target: String) {
        let location = reply.location ?? ""
        #expect(location.hasPrefix("/") && !location.hasPrefix("//"), "\(target) → \(location)")
        #expect(!location.contains("evil"), "\(target) → \(location)")
        #expect(!reply.headers[.setCookie].contains { $0.contains("evil") }, "\(target) set a cookie")
        #expect(!reply.headers.contains { ($0.name + $0.value).unicodeScalars.contains { $0 == "\r" || $0 == "\n" } })
    }

    @Test(arguments: hostileTargets)
    func signingInWithAHostileNextLandsOnOurOrigin(_ target: String) async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            let form = try await world.client.page(.GET, "/signin?next=" + TestClient.encodeQuery(target))
            #expect(form.status == .ok)
            #expect(!form.body.contains("evil"), "the form carried \(target) along")
            let csrf = try #require(form.formToken)
            let cookie = try #require(form.cookie("tandem_csrf"))
            // when
            let reply = try await world.client.page(
                .POST, "/signin", cookies: ["tandem_csrf": cookie],
                form: [
                    "email": "owner@studio.test", "password": World.password, "_csrf": csrf, "next": target,
                ])
            // then
            #expect(reply.status == .seeOther)
            assertSafe(reply, target)
            #expect(reply.location == "/dashboard")
        }
    }

    @Test func aSafeNextIsFollowedAfterSigningIn() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let form = try await world.client.page(.GET, "/signin")
            let reply = try await world.client.page(
                .POST, "/signin", cookies: ["tandem_csrf": try #require(form.cookie("tandem_csrf"))],
                form: [
                    "email": "owner@studio.test", "password": World.password,
                    "_csrf": try #require(form.formToken), "next": "/projects/\(world.projectA)",
                ])
            #expect(reply.location == "/projects/\(world.projectA)")
        }
    }

    @Test(arguments: hostileTargets + ["https://evil.example//evil.example/x"])
    func switchingLanguageWithAHostileRefererStaysOnOurOrigin(_ referer: String) async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            let session = try #require(try await world.session(.owner))
            // when
            let reply = try await world.client.page(
                .POST, "/settings/language", cookies: ["tandem_session": session.token],
                form: ["language": "zh-Hans", "_csrf": session.csrf], headers: [("Referer", referer)])
            // then
            #expect(reply.status == .seeOther)
            assertSafe(reply, referer)
        }
    }

    @Test func switchingLanguageReturnsToThePageItWasPressedOn() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let session = try #require(try await world.session(.owner))
            let reply = try await world.client.page(
                .POST, "/settings/language", cookies: ["tandem_session": session.token],
                form: ["language": "en", "_csrf": session.csrf],
                headers: [("Referer", "http://tandem.test/projects/\(world.projectA)?page=2")])
            #expect(reply.location == "/projects/\(world.projectA)?page=2")
        }
    }

    @Test func noHeaderWithALineBreakEverLeaves() async throws {
        // given an answer that some future code built badly
        let response = Response(status: .seeOther, headers: ["Location": "/a\r\nSet-Cookie: evil=1", "X-Fine": "ok"])
        // when
        SecurityHeaders.dropUnsafeHeaders(response, logger: Logger(label: "test"))
        // then
        #expect(response.headers.first(name: .location) == nil)
        #expect(response.headers.first(name: "X-Fine") == "ok")
    }

    @Test func theLanguageCookieIsSecureBehindHttps() async throws {
        try await withTestApp(baseURL: "https://tandem.example.com") { app, _ in
            let reply = try await TestClient(app).page(.GET, "/signin?lang=zh-Hans")
            let header = try #require(reply.headers[.setCookie].first { $0.hasPrefix("tandem_lang=") })
            #expect(header.contains("Secure"))
        }
    }
}
