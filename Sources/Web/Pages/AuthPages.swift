import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// Setup, sign-in and sign-out pages, and the front door that sends everyone where they belong.
struct AuthPages {
    func register(_ app: any RoutesBuilder) {
        app.endpoint(.GET, rule: .open, surface: .page, use: home)
        app.endpoint(.GET, "setup", rule: .open, surface: .page, use: setupForm)
        app.endpoint(.POST, "setup", rule: .open, surface: .page, use: setup)
        app.endpoint(.GET, "signin", rule: .open, surface: .page, use: signInForm)
        app.endpoint(.POST, "signin", rule: .open, surface: .page, use: signIn)
        app.endpoint(.POST, "signout", rule: .signedIn, surface: .page, use: signOut)
        app.endpoint(.POST, "settings", "language", rule: .signedIn, surface: .page, use: chooseLanguage)
    }

    struct LanguageForm: Decodable {
        var language: Language
    }

    /// Members choose their UI language; a contact's choice also decides what Tandem sends them.
    @Sendable func chooseLanguage(req: Request) async throws -> Response {
        let form = try FormInput.decode(LanguageForm.self, from: req)
        try await AccountActions.chooseLanguage(form.language, in: req.context)
        // Back to the page the switch was pressed on: only its path (and query) count, and only as a local path.
        let back = req.headers.first(name: .referer).flatMap { URLComponents(string: $0) }
            .map { $0.percentEncodedPath + ($0.percentEncodedQuery.map { "?" + $0 } ?? "") }
        return Layout.redirect(ReturnPath.sanitize(back) ?? "/")
    }

    @Sendable func home(req: Request) async throws -> Response {
        switch try await Credentials.identity(of: req, surface: .page).principal {
        case .member: return Layout.redirect("/dashboard")
        case .contact: return Layout.redirect("/portal")
        case .anonymous:
            let needsSetup = try await MemberStore.count(on: req.db) == 0
            return Layout.redirect(needsSetup ? "/setup" : "/signin")
        }
    }

    @Sendable func setupForm(req: Request) async throws -> Response {
        try await setupForm(req, form: nil)
    }

    /// The setup form, re-showing `form` (never its password) when it was refused.
    func setupForm(_ req: Request, form: FormState?) async throws -> Response {
        let c = try await PageContext.make(req)
        guard try await MemberStore.count(on: req.db) == 0 else { return Layout.redirect("/signin") }
        let f = FormFields(c, "setup-form", form)
        return FormState.page(
            c, title: c.t("setup.title"), form: form,
            """
            <section class="card narrow"><h1>\(c.t("setup.title"))</h1><p>\(c.t("setup.intro"))</p>
            \(c.form(action: "/setup", id: "setup-form", """
              \(f.input("workspaceName", label: c.t("setup.workspaceName"), "required maxlength=\"200\" autocomplete=\"organization\""))
              \(f.input("name", label: c.t("field.yourName"), "required maxlength=\"200\" autocomplete=\"name\""))
              \(f.input("email", label: c.t("field.email"), type: "email", "required autocomplete=\"email\""))
              \(f.input("password", label: c.t("field.password"), type: "password", keep: false, "required minlength=\"8\" maxlength=\"200\" autocomplete=\"new-password\""))
              \(f.select("language", label: c.t("field.language"), options: Components.languageChoices(c), selected: [c.language.rawValue]))
              <button type="submit">\(c.t("setup.submit"))</button>
            """))</section>
            """)
    }

    struct SetupForm: Decodable {
        var workspaceName: String
        var name: String
        var email: String
        var password: String
        var language: Language
    }

    @Sendable func setup(req: Request) async throws -> Response {
        do {
            let form = try FormInput.decode(SetupForm.self, from: req)
            let member = try await AccountActions.setup(
                SetupRequest(
                    workspaceName: form.workspaceName, name: form.name, email: form.email,
                    password: form.password, language: form.language), in: req.context)
            return try await startSession(req, memberID: try member.requireID())
        } catch {
            return try await setupForm(req, form: try req.refusal(of: error, form: "setup-form"))
        }
    }

    @Sendable func signInForm(req: Request) async throws -> Response {
        let c = try await PageContext.make(req)
        let next = Self.destination(req.query[String.self, at: "next"])
        return signInPage(c, email: "", next: next, refused: false)
    }

    /// The sign-in form; after a refusal it keeps the typed address and says so next to the password,
    /// with the same words whether or not the address exists.
    private func signInPage(_ c: PageContext, email: String, next: String?, refused: Bool) -> Response {
        let error: HTML = refused ? "<p class=\"field-error\" id=\"signin-error\" role=\"alert\">\(c.t("signin.wrong"))</p>" : .empty
        let invalid: HTML = refused ? " aria-invalid=\"true\" aria-describedby=\"signin-error\"" : .empty
        return Layout.page(
            c, title: c.t("signin.title"), status: refused ? .unauthorized : .ok,
            """
            <section class="card narrow"><h1>\(c.t("signin.title"))</h1>
            \(c.form(action: "/signin", id: "signin-form", """
              <label>\(c.t("field.email"))<input name="email" type="email" required autocomplete="username" value="\(email)"></label>
              <label>\(c.t("field.password"))<input name="password" type="password" required autocomplete="current-password"\(invalid)></label>\(error)
              <input type="hidden" name="next" value="\(next ?? "")">
              <button type="submit">\(c.t("signin.submit"))</button>
            """))
            <p class="hint">\(c.t("signin.customerHint")) <a href="/portal/sign-in">\(c.t("signin.customerLink"))</a></p></section>
            """)
    }

    /// Where a sign-in continues: the sanitised return path, but never a sign-in or setup page again.
    static func destination(_ next: String?) -> String? {
        guard let path = ReturnPath.sanitize(next) else { return nil }
        let bare = String(path.prefix { $0 != "?" && $0 != "#" })
        let signInPaths = ["/signin", "/setup", "/signout", "\(PagePath.portalSignIn)"]
        return signInPaths.contains(where: { bare == $0 || bare.hasPrefix($0 + "/") }) ? nil : path
    }

    struct SignInForm: Decodable {
        var email: String
        var password: String
        var next: String?
    }

    @Sendable func signIn(req: Request) async throws -> Response {
        let form = try FormInput.decode(SignInForm.self, from: req)
        let next = Self.destination(form.next)
        let member: MemberRecord
        do {
            member = try await AccountActions.signIn(
                SignInRequest(email: form.email, password: form.password),
                from: SignInOrigin(client: req.clientAddress, deviceToken: KnownDevice.token(of: req)),
                in: req.context)
        } catch DomainError.unauthenticated {
            return signInPage(try await PageContext.make(req), email: form.email, next: next, refused: true)
        }
        let response = try await startSession(req, memberID: try member.requireID(), next: next)
        try await KnownDevice.remember(req, memberID: try member.requireID(), on: response)
        return response
    }

    /// A fresh session id at every sign-in; the previous session (if any) is ended.
    private func startSession(_ req: Request, memberID: UUID, next: String? = nil) async throws -> Response {
        let previous = try await Credentials.identity(of: req, surface: .page).credentialID
        let token = try await req.write { [now = req.now] db in
            try await Credentials.revoke(previous, on: db)
            return try await Credentials.issue(.web, memberID: memberID, on: db, now: now)
        }
        let response = Layout.redirect(next ?? "/dashboard")
        response.cookies[Credentials.sessionCookie] = Credentials.sessionCookieValue(token, secure: req.tandem.config.cookiesAreSecure)
        return response
    }

    @Sendable func signOut(req: Request) async throws -> Response {
        let identity = try await req.identity
        try await req.write { db in try await Credentials.revoke(identity.credentialID, on: db) }
        let response = Layout.redirect(identity.contactID != nil ? "/portal/sign-in" : "/signin")
        response.cookies[Credentials.sessionCookie] = Credentials.sessionCookieValue(nil, secure: req.tandem.config.cookiesAreSecure)
        return response
    }
}
