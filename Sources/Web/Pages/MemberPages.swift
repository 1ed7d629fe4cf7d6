import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// The team page (owner, manager): members with role and state, role changes, deactivation, and
/// inviting a colleague by link.
struct MemberPages {
    func register(_ app: any RoutesBuilder) {
        app.endpoint(.GET, "members", rule: .manager, surface: .page, use: index)
        app.endpoint(.POST, "members", ":memberID", rule: .manager, surface: .page, use: update)
        app.endpoint(.POST, "members", "invitations", rule: .manager, surface: .page, use: invite)
    }

    @Sendable func index(req: Request) async throws -> Response {
        try await page(req, refusal: nil)
    }

    /// The page, with `refusal` (already in the viewer's words) above the table when a change was refused.
    private func page(_ req: Request, refusal: String?, status: HTTPResponseStatus = .ok, invite: InviteForm? = nil) async throws -> Response {
        let c = try await PageContext.make(req)
        let workspaceID = try await CustomerActions.workspaceID(in: req.context)
        let members = try await MemberStore.byName(workspaceID: workspaceID, on: req.db)
        let viewerRole = c.identity.role ?? .member
        let rows: [HTML] = try members.map { member in
            let id = try member.requireID()
            let you: HTML = id == c.identity.memberID ? " <span class=\"muted\">\(c.t("members.you"))</span>" : .empty
            let state = member.active ? c.t("members.active") : c.t("members.inactive")
            // A manager can't touch an owner (MemberChangeRule); the page offers only what the rule allows.
            let mayChange = viewerRole == .owner || member.role != .owner
            let roles = MemberRole.allCases.filter { viewerRole == .owner || $0 != .owner }
            let actions: HTML =
                mayChange
                ? """
                \(c.form(action: "\(PagePath.member(id))", cssClass: "inline change-role", """
                <select name="role" aria-label="\(c.t("field.role"))">\(Components.options(roles.map { ($0.rawValue, c.t("role.\($0.rawValue)")) }, selected: member.role.rawValue))</select>\
                <button type="submit" class="secondary">\(c.t("members.changeRole"))</button>
                """))\(c.form(action: "\(PagePath.member(id))", cssClass: "inline change-state", """
                <input type="hidden" name="active" value="\(member.active ? "false" : "true")">\
                <button type="submit" class="secondary">\(member.active ? c.t("members.deactivate") : c.t("members.reactivate"))</button>
                """))
                """ : .empty
            return """
                <tr data-member="\(id.uuidString)" data-active="\(member.active ? "true" : "false")"><td>\(member.name)\(you)</td><td>\(member.email)</td>\
                <td class="member-role">\(c.t("role.\(member.role.rawValue)"))</td><td class="member-state">\(state)</td><td>\(actions)</td></tr>
                """
        }
        let alert: HTML = refusal.map { "<p class=\"card error\" role=\"alert\" id=\"members-error\">\($0)</p>" } ?? .empty
        let inviteRoles = MemberRole.allCases.filter { viewerRole == .owner || $0 != .owner }
        let typed = invite ?? InviteForm(email: "", role: .member, language: c.language)
        return Layout.page(
            c, title: c.t("members.title"), status: status,
            """
            <h1>\(c.t("members.title"))</h1>\(alert)
            <section class="card"><div class="scroll"><table id="members"><thead><tr><th>\(c.t("field.name"))</th><th>\(c.t("field.email"))</th>\
            <th>\(c.t("field.role"))</th><th>\(c.t("field.state"))</th><th></th></tr></thead><tbody>\(rows)</tbody></table></div>\
            <p class="hint">\(c.t("members.deactivateHint"))</p></section>
            <section class="card"><h2>\(c.t("members.invite"))</h2>\(c.form(action: "\(PagePath.memberInvitations)", id: "invite-member", """
              <label>\(c.t("field.email"))<input name="email" type="email" required value="\(typed.email)"></label>
              <label>\(c.t("field.role"))<select name="role">\(Components.options(inviteRoles.map { ($0.rawValue, c.t("role.\($0.rawValue)")) }, selected: typed.role.rawValue))</select></label>
              <label>\(c.t("field.language"))<select name="language">\(Components.languageOptions(c, selected: typed.language))</select></label>
              <p class="hint">\(c.t("members.inviteHint"))</p>
              <button type="submit">\(c.t("members.inviteSubmit"))</button>
            """))</section>
            """)
    }

    struct ChangeForm: Decodable {
        var role: MemberRole?
        var active: Bool?
    }

    /// One change (role or state) from the table; a refusal comes back as the same page saying why.
    @Sendable func update(req: Request) async throws -> Response {
        let id = try req.uuidParameter("memberID")
        let form = try FormInput.decode(ChangeForm.self, from: req)
        do {
            _ = try await MemberActions.update(id, UpdateMemberRequest(role: form.role, active: form.active), in: req.context)
        } catch DomainError.conflict {
            let c = try await PageContext.make(req)
            return try await page(req, refusal: c.t("members.lastOwner"), status: .conflict)
        } catch DomainError.forbidden {
            let c = try await PageContext.make(req)
            return try await page(req, refusal: c.t("error.forbidden"), status: .forbidden)
        }
        return Layout.redirect("\(PagePath.members)")
    }

    struct InviteForm: Decodable {
        var email: String
        var role: MemberRole
        var language: Language?
    }

    @Sendable func invite(req: Request) async throws -> Response {
        let form = try FormInput.decode(InviteForm.self, from: req)
        let issued: MemberActions.Issued
        do {
            issued = try await MemberActions.invite(
                CreateMemberInvitationRequest(email: form.email, role: form.role, language: form.language), in: req.context)
        } catch DomainError.validation(let field, let rule) {
            let c = try await PageContext.make(req)
            let sentence = ValidationText.sentence(field: field, rule: rule, language: c.language, catalogue: c.catalogue)
            return try await page(req, refusal: sentence, status: .badRequest, invite: form)
        }
        let c = try await PageContext.make(req)
        return Layout.page(
            c, title: c.t("members.inviteReady"),
            """
            <section class="card narrow"><h1>\(c.t("members.inviteReady"))</h1>\(ReadyMessageView.render(c, url: issued.url, message: issued.message))
            <p><a href="\(PagePath.members)">\(c.t("members.backToTeam"))</a></p></section>
            """)
    }
}

/// The link and the ready message with copy buttons (the copy works without JavaScript by selecting the text).
enum ReadyMessageView {
    static func render(_ c: PageContext, url: String, message: String) -> HTML {
        """
        <div class="copy"><input id="issued-url" readonly value="\(url)" aria-label="\(c.t("invite.link"))">\
        <button type="button" class="copy-button" data-copy="issued-url">\(c.t("action.copy"))</button></div>
        <h2>\(c.t("ready.title"))</h2><p class="hint">\(c.t("ready.hint"))</p>
        <textarea id="ready-message" class="ready-message" readonly rows="5">\(message)</textarea>
        <p><button type="button" class="copy-button" data-copy="ready-message">\(c.t("action.copy"))</button></p>
        """
    }
}
