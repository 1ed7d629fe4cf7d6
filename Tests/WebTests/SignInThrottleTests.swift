import Domain
import Foundation
import NIOCore
import Testing
import TestSupport
import Vapor
@testable import Web

/// Failed sign-ins slow attackers down without locking the owner out of their own account.
@Suite struct SignInThrottleTests {
    /// The page sign-in of a browser at `client` (behind the trusted proxy on 127.0.0.1).
    private func signInForm(_ app: Application, client: String, email: String, password: String, device: String? = nil) async throws -> Reply {
        let browser = TestClient(app, live: true)
        let proxy = [("X-Forwarded-For", client)]
        let form = try await browser.page(.GET, "/signin", headers: proxy)
        var cookies = ["tandem_csrf": try #require(form.cookie("tandem_csrf"))]
        if let device { cookies["tandem_device"] = device }
        return try await browser.page(
            .POST, "/signin", cookies: cookies,
            form: ["email": email, "password": password, "_csrf": try #require(form.formToken)], headers: proxy)
    }

    /// Wrong passwords for `email` (`{n}` numbered), each from another address of a botnet.
    private func attack(_ app: Application, email: String, times: Int) async throws {
        let client = TestClient(app, live: true)
        for index in 0..<times {
            let email = email.replacingOccurrences(of: "{n}", with: String(index))
            var headers = HTTPHeaders()
            headers.contentType = .json
            headers.add(name: .xForwardedFor, value: "203.0.113.\(index + 1)")
            _ = try await client.send(
                .POST, "/api/v1/auth/tokens", headers: headers,
                body: ByteBuffer(string: #"{"email":"\#(email)","password":"not the password"}"#))
        }
    }

    @Test func theOwnersKnownBrowserGetsInDuringAnAttackOnTheirAddress() async throws {
        try await withTestApp { app, _ in
            // given: the owner signed in from this browser before
            let world = try await World.make(app)
            app.tandem.config.trustedProxies = [try #require(IPNetwork("127.0.0.1"))]
            let first = try await signInForm(app, client: "198.51.100.7", email: "owner@studio.test", password: World.password)
            let device = try #require(first.cookie("tandem_device"))
            // when: a botnet fails for the owner's address many times
            try await attack(app, email: "owner@studio.test", times: 8)
            // then: a browser without the cookie is held off, the owner's known one gets in
            let stranger = try await signInForm(app, client: "192.0.2.1", email: "owner@studio.test", password: World.password)
            #expect(stranger.status == .tooManyRequests)
            #expect(Int(stranger.headers.first(name: "Retry-After") ?? "") ?? 0 > 0)
            let owner = try await signInForm(app, client: "198.51.100.7", email: "owner@studio.test", password: World.password, device: device)
            #expect(owner.status == .seeOther)
            #expect(owner.location == "/dashboard")
            _ = world
        }
    }

    @Test func aPlantedDeviceCookieIsNotTrusted() async throws {
        try await withTestApp { app, _ in
            // given: a device token the attacker made up, planted before the owner's first sign-in
            _ = try await World.make(app)
            app.tandem.config.trustedProxies = [try #require(IPNetwork("127.0.0.1"))]
            let planted = "planted-token-planted-token-planted"
            let signedIn = try await signInForm(app, client: "198.51.100.7", email: "owner@studio.test", password: World.password, device: planted)
            // then: the browser gets a token of Tandem's own, and the planted one unlocks nothing
            #expect(signedIn.cookie("tandem_device").map { $0 != planted } == true)
            try await attack(app, email: "owner@studio.test", times: 8)
            let again = try await signInForm(app, client: "198.51.100.7", email: "owner@studio.test", password: World.password, device: planted)
            #expect(again.status == .tooManyRequests)
        }
    }

    @Test func repeatedFailuresFromOneBrowserWaitLongerEachTime() async throws {
        try await withTestApp { app, clock in
            let world = try await World.make(app)
            var waits: [Int] = []
            for _ in 0..<6 {
                let reply = try await world.client.json(
                    .POST, "/api/v1/auth/tokens", body: ["email": "member@studio.test", "password": "guess guess"])
                if reply.status == .tooManyRequests, let wait = Int(reply.headers.first(name: "Retry-After") ?? "") {
                    waits.append(wait)
                    clock.advance(by: TimeInterval(wait))
                }
            }
            #expect(waits.count >= 2)
            #expect(waits == waits.sorted() && Set(waits).count == waits.count, "waits \(waits) should grow")
        }
    }

    @Test func forwardedForIsBelievedOnlyFromTrustedProxies() async throws {
        try await withTestApp { app, _ in
            // given
            let peer = try SocketAddress(ipAddress: "10.0.0.2", port: 40_000)
            let request = Request(
                application: app, method: .POST, url: "/signin", headers: ["X-Forwarded-For": "198.51.100.7, 10.0.0.9"],
                remoteAddress: peer, on: app.eventLoopGroup.any())
            // then: untrusted peer → the peer itself
            #expect(request.clientAddress == "10.0.0.2")
            // when the proxy range is trusted
            app.tandem.config.trustedProxies = [try #require(IPNetwork("10.0.0.0/8"))]
            #expect(request.clientAddress == "198.51.100.7")
        }
    }

    @Test func anUntrustedForwardedForDoesNotSplitOneClientIntoMany() async throws {
        try await withTestApp { app, _ in
            // given: no trusted proxy, and twenty failures for twenty addresses, each claiming another client address
            _ = try await World.make(app)
            try await attack(app, email: "nobody{n}@studio.test", times: 20)
            // when
            let next = try await TestClient(app, live: true).json(
                .POST, "/api/v1/auth/tokens",
                body: ["email": "member@studio.test", "password": World.password])
            // then: the client is held off as one
            #expect(next.status == .tooManyRequests)
        }
    }
}
