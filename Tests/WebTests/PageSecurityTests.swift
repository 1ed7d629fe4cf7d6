import Domain
import Fluent
import Foundation
import Persistence
import Testing
import TestSupport
import Vapor
@testable import Web

@Suite struct PageSecurityTests {
    /// Signs in through the form, as a browser would; returns the answer of the POST.
    static func signIn(_ world: World, email: String = "owner@studio.test", cookies: [String: String] = [:]) async throws -> Reply {
        let form = try await world.client.page(.GET, "/signin", cookies: cookies)
        let csrf = form.formToken ?? ""
        var jar = cookies
        if let fresh = form.cookie("tandem_csrf") { jar["tandem_csrf"] = fresh }
        return try await world.client.page(.POST, "/signin", cookies: jar, form: ["email": email, "password": World.password, "_csrf": csrf])
    }

    @Test func signingInSetsAnHttpOnlyLaxSessionCookie() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let reply = try await Self.signIn(world)
            #expect(reply.status == .seeOther)
            #expect(reply.location == "/dashboard")
            let header = try #require(reply.headers[.setCookie].first { $0.hasPrefix("tandem_session=") })
            #expect(header.contains("HttpOnly"))
            #expect(header.lowercased().contains("samesite=lax"))
            #expect(!header.contains("Secure"))
        }
    }

    @Test func theSessionCookieIsSecureBehindHttps() async throws {
        try await withTestApp(baseURL: "https://tandem.example.com") { app, _ in
            let world = try await World.make(app)
            let reply = try await Self.signIn(world)
            let header = try #require(reply.headers[.setCookie].first { $0.hasPrefix("tandem_session=") })
            #expect(header.contains("Secure"))
        }
    }

    @Test func signingInRotatesTheSessionIdAndEndsTheOldOne() async throws {
        try await withTestApp { app, _ in
            // given an existing session
            let world = try await World.make(app)
            let old = try #require(try await world.session(.member))
            // when someone signs in from that browser
            let reply = try await Self.signIn(world, cookies: ["tandem_session": old.token])
            // then the browser gets a new id and the old one is dead
            let new = try #require(reply.cookie("tandem_session"))
            #expect(new != old.token)
            let withOld = try await world.client.page(.GET, "/dashboard", cookies: ["tandem_session": old.token])
            #expect(withOld.status == .seeOther)
            #expect(withOld.location?.hasPrefix("/signin?next=") == true)
            #expect(try await world.client.page(.GET, "/dashboard", cookies: ["tandem_session": new]).status == .ok)
        }
    }

    @Test func aFormWithoutTheCsrfTokenIsRefusedAndWritesNothing() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let session = try #require(try await world.session(.owner))
            let before = try await CustomerRecord.query(on: app.db).count()
            let reply = try await world.client.page(
                .POST, "/customers", cookies: ["tandem_session": session.token],
                form: ["name": "Forged", "language": "en"])
            #expect(reply.status == .badRequest)
            #expect(try await CustomerRecord.query(on: app.db).count() == before)
            let withToken = try await world.client.page(
                .POST, "/customers", cookies: ["tandem_session": session.token],
                form: ["name": "Real", "language": "en", "_csrf": session.csrf])
            #expect(withToken.status == .seeOther)
        }
    }

    @Test func aCrossSiteFormPostIsForbidden() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let session = try #require(try await world.session(.owner))
            let reply = try await world.client.page(
                .POST, "/customers", cookies: ["tandem_session": session.token],
                form: ["name": "Forged", "language": "en", "_csrf": session.csrf],
                headers: [("Sec-Fetch-Site", "cross-site")])
            #expect(reply.status == .forbidden)
        }
    }

    @Test func pagesAndAPIAnswersCarrySecurityHeaders() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            for reply in [try await world.client.page(.GET, "/signin"), try await world.client.json(.GET, "/api/v1/me")] {
                let csp = reply.headers.first(name: "Content-Security-Policy") ?? ""
                #expect(csp.contains("frame-ancestors 'none'"))
                #expect(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"))
                #expect(reply.headers.first(name: "X-Content-Type-Options") == "nosniff")
                #expect(reply.headers.first(name: "Referrer-Policy") != nil)
            }
        }
    }

    @Test func signInAfterBeingSentAwayReturnsToThePageAskedFor() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let away = try await world.client.page(.GET, "/customers")
            #expect(away.location == "/signin?next=/customers")
            let form = try await world.client.page(.GET, "/signin?next=/customers")
            let csrf = try #require(form.cookie("tandem_csrf"))
            #expect(form.body.contains("name=\"next\" value=\"/customers\""))
            let reply = try await world.client.page(
                .POST, "/signin", cookies: ["tandem_csrf": csrf],
                form: [
                    "email": "owner@studio.test", "password": World.password, "_csrf": csrf,
                    "next": "//evil.example/",
                ])
            #expect(reply.location == "/dashboard")
        }
    }

    @Test func namesAreEscapedOnEveryPage() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            _ = try await world.client.json(
                .POST, "/api/v1/customers", token: world.ownerToken,
                body: ["name": "<script>alert(1)</script>", "language": "en"])
            let session = try #require(try await world.session(.owner))
            let page = try await world.client.page(.GET, "/customers", cookies: ["tandem_session": session.token])
            #expect(!page.body.contains("<script>alert(1)</script>"))
            #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        }
    }
}

@Suite struct LanguageChoiceTests {
    @Test func aMemberSwitchesTheirInterfaceLanguage() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let session = try #require(try await world.session(.owner))
            let cookies = ["tandem_session": session.token]
            #expect(try await world.client.page(.GET, "/dashboard", cookies: cookies).body.contains("<html lang=\"en\">"))
            let reply = try await world.client.page(
                .POST, "/settings/language", cookies: cookies, form: ["language": "zh-Hans", "_csrf": session.csrf])
            #expect(reply.status == .seeOther)
            let page = try await world.client.page(.GET, "/dashboard", cookies: cookies)
            #expect(page.body.contains("<html lang=\"zh-Hans\">") && page.body.contains("总览"))
        }
    }

    @Test func anAnonymousVisitorFollowsTheBrowserLanguageUnlessTheyChoose() async throws {
        try await withTestApp { app, _ in
            let client = TestClient(app)
            let chinese = try await client.page(.GET, "/signin", headers: [("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8")])
            #expect(chinese.body.contains("<html lang=\"zh-Hans\">"))
            let chosen = try await client.page(.GET, "/signin?lang=en", headers: [("Accept-Language", "zh-CN")])
            #expect(chosen.body.contains("<html lang=\"en\">"))
            #expect(chosen.cookie("tandem_lang") == "en")
        }
    }
}
