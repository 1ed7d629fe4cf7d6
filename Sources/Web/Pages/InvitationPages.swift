import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// Inviting a contact (the team's side) and opening an invitation or sign-in link (the contact's side).
struct InvitationPages {
    func register(_ app: any RoutesBuilder) {
        app.endpoint(.GET, "projects", ":projectID", "invite", rule: .projectManage, surface: .page, use: inviteForm)
        app.endpoint(.POST, "projects", ":projectID", "invitations", rule: .projectManage, surface: .page, use: invite)
        app.endpoint(.GET, "invitations", ":token", rule: .open, surface: .page, use: confirm)
        app.endpoint(.POST, "invitations", ":token", rule: .open, surface: .page, use: accept)
        app.endpoint(.GET, "portal", "sign-in", rule: .open, surface: .page, use: signInLinkForm)
        app.endpoint(.POST, "portal", "sign-in", rule: .open, surface: .page, use: requestSignInLink)
        app.endpoint(.POST, "contacts", ":contactID", "sign-in-link", rule: .manager, surface: .page, use: issueSignInLink)
    }

    @Sendable func inviteForm(req: Request) async throws -> Response {
        let c = try await PageContext.make(req)
        let project = try await req.authorizedProject()
        // A deactivated contact cannot be invited (reactivate them on the customer page first).
        let contacts = try await CustomerStore.contacts(of: project.customerID, byName: true, on: req.db).filter(\.active)
        let options: [HTML] = contacts.map { "<option value=\"\($0.id.uuidString)\">\($0.name) · \($0.email)</option>" }
        // A customer's first contact usually is the one who decides: "may approve" starts ticked until someone may.
        let firstApprover = try await !ApprovalStore.customerHasApprover(customerID: project.customerID, now: req.now, on: req.db)
        let firstHint: HTML = firstApprover ? "<p class=\"hint\" id=\"first-approver\">\(c.t("invite.firstContact"))</p>" : .empty
        let body: HTML =
            contacts.isEmpty
            ? "<p>\(c.t("invite.noContacts"))</p><p><a href=\"\(PagePath.customer(project.customerID))\">\(c.t("invite.addContact"))</a></p>"
            : c.form(
                action: "\(PagePath.projectInvitations(try project.requireID()))", id: "invite-form",
                """
                <label>\(c.t("field.contact"))<select name="contactId">\(options)</select></label>
                <label class="check"><input type="checkbox" name="canApprove"\(flag: "checked", firstApprover)> \(c.t("invite.canApprove"))</label>\(firstHint)
                <p class="hint">\(c.t("invite.hint"))</p>
                <button type="submit">\(c.t("invite.submit"))</button>
                """)
        return Layout.page(
            c, title: c.t("invite.title"),
            "<section class=\"card narrow\" role=\"dialog\" aria-labelledby=\"invite-h\"><h1 id=\"invite-h\">\(c.t("invite.title")) · \(project.name)</h1>\(body)</section>"
        )
    }

    struct InviteForm: Decodable {
        var contactId: UUID
        var canApprove: String?
    }

    @Sendable func invite(req: Request) async throws -> Response {
        let c = try await PageContext.make(req)
        let project = try await req.authorizedProject()
        let form = try FormInput.decode(InviteForm.self, from: req)
        let issued = try await InvitationActions.invite(
            CreateInvitationRequest(contactId: form.contactId, canApprove: FormInput.checked(form.canApprove)),
            to: project, in: req.context)
        return Layout.page(
            c, title: c.t("invite.title"),
            """
            <section class="card narrow"><h1>\(c.t("invite.ready"))</h1><p>\(c.t("invite.copy"))</p>
            <div class="copy"><input id="invitation-url" readonly value="\(issued.url)" aria-label="\(c.t("invite.link"))">\
            <button type="button" class="copy-button" data-copy="invitation-url">\(c.t("action.copy"))</button></div>
            <p class="muted">\(c.t("invite.expires", c.date(issued.expiresAt, in: project.timeZone)))</p>
            <h2>\(c.t("ready.title"))</h2><p class="hint">\(c.t("ready.hint"))</p>
            <textarea id="ready-message" class="ready-message" readonly rows="5">\(issued.message)</textarea>
            <p><button type="button" class="copy-button" data-copy="ready-message">\(c.t("action.copy"))</button></p>
            <p><a href="\(PagePath.project(try project.requireID()))">\(c.t("action.backToProject"))</a></p></section>
            """)
    }

    /// Asks before using the link, so a mail scanner that fetches it cannot burn it.
    @Sendable func confirm(req: Request) async throws -> Response {
        let c = try await PageContext.make(req)
        let token = req.parameters.get("token") ?? ""
        let contact: ContactRecord?
        let projectName: String?
        let workspace: String
        do {
            (contact, projectName, workspace) = try await InvitationActions.preview(token: token, in: req.context)
        } catch DomainError.gone {
            return linkGone(c, mailConfigured: req.tandem.mailConfigured)
        }
        let language = contact?.language ?? c.language
        let lc = PageContext(
            req: req, identity: c.identity, language: language, csrfToken: c.csrfToken,
            newCSRFCookie: c.newCSRFCookie, languageFromQuery: nil, catalogue: c.catalogue)
        return Layout.page(
            lc, title: lc.t("accept.title"),
            """
            <section class="card narrow"><h1>\(lc.t("accept.title"))</h1>\
            <p class="workspace" id="inviting-workspace"><strong>\(lc.t("accept.from", workspace))</strong></p>\
            <p>\(projectName.map { lc.t("accept.intro", contact?.name ?? "", $0) } ?? lc.t("accept.signIn", contact?.name ?? ""))</p>
            \(lc.form(action: "\(PagePath.invitation(token))", id: "accept-invitation", "<button type=\"submit\">\(lc.t("accept.submit"))</button>"))</section>
            """)
    }

    @Sendable func accept(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        let previous = try await Credentials.identity(of: req, surface: .page).credentialID
        let sessionToken: String
        let projectID: UUID?
        do {
            (_, sessionToken, projectID) = try await InvitationActions.accept(token: token, credential: .web, in: req.context)
        } catch DomainError.gone {
            return linkGone(try await PageContext.make(req), mailConfigured: req.tandem.mailConfigured)
        }
        try await req.write { db in try await Credentials.revoke(previous, on: db) }
        let response = Layout.redirect(projectID.map { "\(PagePath.portalProject($0))" } ?? "/portal")
        response.cookies[Credentials.sessionCookie] = Credentials.sessionCookieValue(sessionToken, secure: req.tandem.config.cookiesAreSecure)
        return response
    }

    @Sendable func signInLinkForm(req: Request) async throws -> Response {
        let c = try await PageContext.make(req)
        let sent = req.query[String.self, at: "sent"] != nil
        return Layout.page(
            c, title: c.t("portalSignIn.title"),
            """
            <section class="card narrow"><h1>\(c.t("portalSignIn.title"))</h1>\
            \(sent ? "<p class=\"notice\" role=\"status\">\(c.t("portalSignIn.sent"))</p>" : HTML.empty)<p>\(c.t("portalSignIn.intro"))</p>\
            \(req.tandem.mailConfigured ? HTML.empty : "<p class=\"notice\" id=\"mail-not-configured\">\(c.t("portalSignIn.notConfigured"))</p>")
            \(c.form(action: "/portal/sign-in", id: "sign-in-link-form", """
              <label>\(c.t("field.email"))<input name="email" type="email" required autocomplete="email"></label>
              <button type="submit">\(c.t("portalSignIn.submit"))</button>
            """))</section>
            """)
    }

    /// The same answer whether or not the address is known.
    @Sendable func requestSignInLink(req: Request) async throws -> Response {
        let form = try FormInput.decode(SignInLinkRequest.self, from: req)
        try await InvitationActions.requestSignInLink(email: form.email, client: req.clientAddress, in: req.context)
        return Layout.redirect("/portal/sign-in?sent=1")
    }

    /// A used or expired link is not a dead end: the page asks for a fresh sign-in link (sent by e-mail through
    /// the outbox) and says the team can send one too. 410, like the API.
    private func linkGone(_ c: PageContext, mailConfigured: Bool) -> Response {
        Layout.page(
            c, title: c.t("linkGone.title"), status: .gone,
            """
            <section class="card narrow" id="link-gone"><h1>\(c.t("linkGone.title"))</h1><p>\(c.t("linkGone.intro"))</p>\
            \(mailConfigured ? HTML.empty : "<p class=\"notice\" id=\"mail-not-configured\">\(c.t("portalSignIn.notConfigured"))</p>")
            \(c.form(action: "\(PagePath.portalSignIn)", id: "sign-in-link-form", """
              <label>\(c.t("field.email"))<input name="email" type="email" required autocomplete="email"></label>
              <button type="submit">\(c.t("portalSignIn.submit"))</button>
            """))</section>
            """)
    }

    /// From the contact's row on the customer page: a fresh sign-in link and the ready message to copy.
    @Sendable func issueSignInLink(req: Request) async throws -> Response {
        let c = try await PageContext.make(req)
        let contactID = try req.uuidParameter("contactID")
        let issued = try await InvitationActions.issueSignInLink(contactID: contactID, in: req.context)
        let contact = try await ContactRecord.find(contactID, on: req.db)
        return Layout.page(
            c, title: c.t("contactLink.title", contact?.name ?? ""),
            """
            <section class="card narrow"><h1>\(c.t("contactLink.title", contact?.name ?? ""))</h1>\(ReadyMessageView.render(c, url: issued.url, message: issued.message))
            \(contact.map { "<p><a href=\"\(PagePath.customer($0.customerID))\">\($0.name)</a></p>" as HTML } ?? .empty)</section>
            """)
    }
}
