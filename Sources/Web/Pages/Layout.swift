import Domain
import Foundation
import Vapor

/// The frame of every page: language, navigation, sign-out, our own CSS and JS (no external assets).
enum Layout {
    static func page(_ c: PageContext, title: String, status: HTTPResponseStatus = .ok, _ content: HTML) -> Response {
        let nav: HTML
        switch c.identity.principal {
        case .member:
            nav = """
                <nav class="nav" aria-label="\(c.t("nav.label"))"><a href="/dashboard">\(c.t("nav.dashboard"))</a>\
                <a href="/customers">\(c.t("nav.customers"))</a><a href="/projects/new">\(c.t("nav.newProject"))</a>\
                \(c.identity.role?.canManage == true ? "<a href=\"\(PagePath.members)\">\(c.t("nav.members"))</a><a href=\"\(PagePath.deliveries)\">\(c.t("nav.deliveries"))</a>" as HTML : .empty)\
                <a href="\(PagePath.profile)">\(c.t("nav.profile"))</a>\(languageSwitch(c))\(signOut(c))</nav>
                """
        case .contact:
            nav =
                "<nav class=\"nav\" aria-label=\"\(c.t("nav.label"))\"><a href=\"/portal\">\(c.t("nav.myProjects"))</a>\(languageSwitch(c))\(signOut(c))</nav>"
        case .anonymous:
            let other: Language = c.language == .en ? .zhHans : .en
            nav = "<nav class=\"nav\"><a href=\"?lang=\(other.rawValue)\" lang=\"\(other.rawValue)\">\(other == .en ? "English" : "中文")</a></nav>"
        }
        let html: HTML = """
            <!doctype html>
            <html lang="\(c.language.rawValue)"><head><meta charset="utf-8">\
            <meta name="viewport" content="width=device-width, initial-scale=1">\
            <title>\(title) · \(c.t("app.name"))</title><link rel="stylesheet" href="/static/app.css">\
            <script src="/static/app.js" defer></script></head>
            <body><header class="top"><a class="brand" href="/">\(c.t("app.name"))</a>\(nav)</header>
            <main id="main">\(content)</main></body></html>
            """
        let response = Response(
            status: status, headers: ["Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store"],
            body: .init(string: html.raw))
        if let cookie = c.newCSRFCookie {
            response.cookies[CSRF.cookie] = HTTPCookies.Value(
                string: cookie, path: "/", isSecure: c.req.tandem.config.cookiesAreSecure,
                isHTTPOnly: true, sameSite: .lax)
        }
        if let language = c.languageFromQuery {
            response.cookies[PageContext.languageCookie] = HTTPCookies.Value(
                string: language.rawValue, maxAge: 365 * 86_400, path: "/",
                isSecure: c.req.tandem.config.cookiesAreSecure,
                isHTTPOnly: true, sameSite: .lax)
        }
        return response
    }

    /// One button that switches to the other language (works without JavaScript).
    private static func languageSwitch(_ c: PageContext) -> HTML {
        let other: Language = c.language == .en ? .zhHans : .en
        return c.form(
            action: "/settings/language", cssClass: "inline",
            """
            <input type="hidden" name="language" value="\(other.rawValue)"><button type="submit" class="link" lang="\(other.rawValue)">\(other == .en ? "English" : "中文")</button>
            """)
    }

    private static func signOut(_ c: PageContext) -> HTML {
        c.form(action: "/signout", cssClass: "inline", "<button type=\"submit\" class=\"link\">\(c.t("nav.signOut"))</button>")
    }

    /// The one place redirects are built: the target must pass `ReturnPath` (a path on this site, no
    /// control characters, nothing that decodes into another origin), else it is the front page.
    static func redirect(_ path: String) -> Response {
        Response(status: .seeOther, headers: ["Location": ReturnPath.sanitize(path) ?? "/"])
    }

    /// A progress bar people read at a glance; the number is there for screen readers and print.
    static func progress(_ percent: Int, label: String) -> HTML {
        let clamped = min(max(percent, 0), 100)
        return """
            <svg class="bar" viewBox="0 0 100 8" width="100" height="8" role="img" aria-label="\(label) \(clamped)%">\
            <rect width="100" height="8" rx="4" class="track"/><rect width="\(clamped)" height="8" rx="4" class="fill"/></svg> \
            <span class="pct">\(clamped)%</span>
            """
    }
}
