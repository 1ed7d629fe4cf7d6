import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// "My profile" for every member (name, language, password with the current one), and the landing of a
/// colleague's invitation (names the workspace; the colleague sets name and password).
struct ProfilePages {
    func register(_ app: any RoutesBuilder) {
        app.endpoint(.GET, "profile", rule: .member, surface: .page, use: show)
        app.endpoint(.POST, "profile", rule: .member, surface: .page, use: update)
        app.endpoint(.POST, "profile", "password", rule: .member, surface: .page, use: changePassword)
        app.endpoint(.GET, "join", ":inviteToken", rule: .open, surface: .page, use: joinForm)
        app.endpoint(.POST, "join", ":inviteToken", rule: .open, surface: .page, use: join)
    }

    struct ProfileForm: Decodable {
        var name: String
        var language: Language
    }

    struct PasswordForm: Decodable {
        var currentPassword: String
        var password: String
    }

    /// What the page shows next to a field or on top, after a post.
    struct Feedback {
        var notice: String?
        var nameError: String?
        var typedName: String?
        var passwordError: String?
        var currentError: String?
    }

    @Sendable func show(req: Request) async throws -> Response {
        let c = try await PageContext.make(req)
        let notice: String? =
            switch req.query[String.self, at: "done"] {
            case "saved": c.t("profile.saved")
            case "password": c.t("profile.passwordChanged")
            default: nil
            }
        return try await page(req, Feedback(notice: notice))
    }

    private func page(_ req: Request, _ feedback: Feedback, status: HTTPResponseStatus = .ok) async throws -> Response {
        let c = try await PageContext.make(req)
        guard let memberID = c.identity.memberID, let member = try await MemberRecord.find(memberID, on: req.db) else {
            throw DomainError.unauthenticated
        }
        func error(_ text: String?, id: String) -> HTML {
            text.map { "<p class=\"field-error\" id=\"\(id)\" role=\"alert\">\($0)</p>" } ?? .empty
        }
        let notice: HTML = feedback.notice.map { "<p class=\"notice\" role=\"status\">\($0)</p>" } ?? .empty
        return Layout.page(
            c, title: c.t("profile.title"), status: status,
            """
            <section class="card narrow"><h1>\(c.t("profile.title"))</h1>\(notice)<p class="muted">\(member.email) · \(c.t("role.\(member.role.rawValue)"))</p>
            \(c.form(action: "\(PagePath.profile)", id: "profile-form", """
              <label>\(c.t("field.yourName"))<input name="name" required maxlength="200" autocomplete="name" value="\(feedback.typedName ?? member.name)"></label>\
            \(error(feedback.nameError, id: "name-error"))
              <label>\(c.t("field.language"))<select name="language">\(Components.languageOptions(c, selected: member.language))</select></label>
              <button type="submit">\(c.t("action.save"))</button>
            """))</section>
            <section class="card narrow"><h2>\(c.t("profile.passwordTitle"))</h2>
            \(c.form(action: "\(PagePath.profilePassword)", id: "password-form", """
              <label>\(c.t("field.currentPassword"))<input name="currentPassword" type="password" required autocomplete="current-password"></label>\
            \(error(feedback.currentError, id: "current-password-error"))
              <label>\(c.t("field.newPassword"))<input name="password" type="password" required minlength="8" maxlength="200" autocomplete="new-password"></label>\
            \(error(feedback.passwordError, id: "password-error"))
              <button type="submit">\(c.t("profile.passwordSubmit"))</button>
            """))</section>
            <section class="card narrow"><p><a id="calendar-feed-link" href="\(PagePath.calendarFeed)">\(c.t("calendarFeed.link"))</a></p></section>
            """)
    }

    @Sendable func update(req: Request) async throws -> Response {
        let form = try FormInput.decode(ProfileForm.self, from: req)
        guard let memberID = try await req.identity.memberID else { throw DomainError.forbidden }
        do {
            _ = try await MemberActions.update(memberID, UpdateMemberRequest(name: form.name, language: form.language), in: req.context)
        } catch DomainError.validation(let field, let rule) {
            let c = try await PageContext.make(req)
            let sentence = ValidationText.sentence(field: field, rule: rule, language: c.language, catalogue: c.catalogue)
            return try await page(req, Feedback(nameError: sentence, typedName: form.name), status: .badRequest)
        }
        return Layout.redirect("\(PagePath.profile)?done=saved")
    }

    @Sendable func changePassword(req: Request) async throws -> Response {
        let form = try FormInput.decode(PasswordForm.self, from: req)
        do {
            try await MemberActions.changeOwnPassword(current: form.currentPassword, new: form.password, in: req.context)
        } catch DomainError.validation(let field, let rule) {
            let c = try await PageContext.make(req)
            if field == "currentPassword" {
                return try await page(req, Feedback(currentError: c.t("profile.wrongCurrent")), status: .badRequest)
            }
            let sentence = ValidationText.sentence(field: field, rule: rule, language: c.language, catalogue: c.catalogue)
            return try await page(req, Feedback(passwordError: sentence), status: .badRequest)
        }
        return Layout.redirect("\(PagePath.profile)?done=password")
    }

    struct JoinForm: Decodable {
        var name: String
        var password: String
        var language: Language?
    }

    /// Asks before using the link (a scanner fetching it can't burn it) and names the inviting workspace.
    @Sendable func joinForm(req: Request) async throws -> Response {
        try await joinPage(req, typed: nil, error: nil)
    }

    private func joinPage(_ req: Request, typed: JoinForm?, error: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let token = req.parameters.get("inviteToken") ?? ""
        let (invitation, workspace) = try await MemberActions.preview(token: token, in: req.context)
        let base = try await PageContext.make(req)
        let language = typed?.language ?? (base.languageFromQuery ?? invitation.language)
        let c = PageContext(
            req: req, identity: base.identity, language: language, csrfToken: base.csrfToken,
            newCSRFCookie: base.newCSRFCookie, languageFromQuery: base.languageFromQuery, catalogue: base.catalogue)
        let alert: HTML = error.map { "<p class=\"field-error\" id=\"join-error\" role=\"alert\">\($0)</p>" } ?? .empty
        return Layout.page(
            c, title: c.t("join.title", workspace), status: status,
            """
            <section class="card narrow"><h1>\(c.t("join.title", workspace))</h1>\
            <p>\(c.t("join.intro", workspace, c.t("role.\(invitation.role.rawValue)"), invitation.email))</p>\(alert)
            \(c.form(action: "\(PagePath.memberInvitation(token))", id: "join-form", """
              <label>\(c.t("field.yourName"))<input name="name" required maxlength="200" autocomplete="name" value="\(typed?.name ?? "")"></label>
              <label>\(c.t("field.password"))<input name="password" type="password" required minlength="8" maxlength="200" autocomplete="new-password"></label>
              <label>\(c.t("field.language"))<select name="language">\(Components.languageOptions(c, selected: language))</select></label>
              <button type="submit">\(c.t("join.submit"))</button>
            """))</section>
            """)
    }

    /// Uses the invitation once, then signs the new member in (a fresh session id).
    @Sendable func join(req: Request) async throws -> Response {
        let token = req.parameters.get("inviteToken") ?? ""
        let form = try FormInput.decode(JoinForm.self, from: req)
        let member: MemberRecord
        do {
            member = try await MemberActions.accept(
                AcceptMemberInvitationRequest(token: token, name: form.name, password: form.password, language: form.language), in: req.context)
        } catch DomainError.validation(let field, let rule) {
            let language = form.language ?? .en
            let sentence = ValidationText.sentence(field: field, rule: rule, language: language, catalogue: req.tandem.catalogue)
            return try await joinPage(req, typed: form, error: sentence, status: .badRequest)
        }
        let previous = try await Credentials.identity(of: req, surface: .page).credentialID
        let session = try await req.write { [now = req.now] db in
            try await Credentials.revoke(previous, on: db)
            return try await Credentials.issue(.web, memberID: member.requireID(), on: db, now: now)
        }
        let response = Layout.redirect("\(PagePath.dashboard)")
        response.cookies[Credentials.sessionCookie] = Credentials.sessionCookieValue(session, secure: req.tandem.config.cookiesAreSecure)
        return response
    }
}
