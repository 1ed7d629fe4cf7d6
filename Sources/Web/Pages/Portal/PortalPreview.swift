import Domain
import Foundation
import Persistence
import Vapor

/// A team member looking at the portal: the project as a chosen contact of its customer sees it, in that
/// contact's language (`?as=<contactID>`, else the customer's first contact), read-only.
struct PortalPreview {
    var contacts: [(id: UUID, name: String)]
    var chosen: (id: UUID, name: String)?
    var language: Language

    /// `?as=<id>` for links that keep the preview's contact ("" when none is chosen).
    var query: String { chosen.map { "as=\($0.id.uuidString)" } ?? "" }

    /// Nil for a contact (they see their own portal); for a member, the preview `?as=` asks for. A contact
    /// of another customer is as unknown as a made-up id: 404.
    static func load(_ req: Request, project: ProjectRecord) async throws -> PortalPreview? {
        let identity = try await req.identity
        guard identity.memberID != nil else { return nil }
        let contacts = try await CustomerStore.contacts(of: project.customerID, byName: true, on: req.db)
        var chosen = contacts.first
        if let text = req.query[String.self, at: "as"], !text.isEmpty {
            guard let id = UUID(uuidString: text), let match = contacts.first(where: { $0.id == id }) else { throw DomainError.notFound }
            chosen = match
        }
        let customerLanguage = try await CustomerRecord.find(project.customerID, on: req.db)?.language ?? identity.language
        return PortalPreview(
            contacts: contacts.map { ($0.id, $0.name) },
            chosen: chosen.map { ($0.id, $0.name) },
            language: chosen?.language ?? customerLanguage)
    }

    /// The page context in the previewed contact's language (the member's own session and form token stay).
    func context(_ c: PageContext) -> PageContext {
        PageContext(
            req: c.req, identity: c.identity, language: language, csrfToken: c.csrfToken, newCSRFCookie: c.newCSRFCookie,
            languageFromQuery: nil, catalogue: c.catalogue)
    }

    /// "You are previewing as …", and a plain GET form to look as another contact.
    func banner(_ c: PageContext, projectID: UUID) -> HTML {
        let options: [HTML] = contacts.map { contact in
            "<option value=\"\(contact.id.uuidString)\"\(flag: "selected", contact.id == chosen?.id)>\(contact.name)</option>"
        }
        let chooser: HTML =
            contacts.count > 1
            ? """
            <form method="get" action="\(PagePath.portalProject(projectID))" class="inline preview-chooser">\
            <label>\(c.t("portal.previewAs")) <select name="as">\(options)</select></label> <button type="submit" class="secondary">\(c.t("portal.previewShow"))</button></form>
            """ : .empty
        let text: HTML =
            chosen.map { "<p>\(c.t("portal.previewing", $0.name, c.t("language.\(language.rawValue)")))</p>" }
            ?? "<p>\(c.t("portal.previewNoContact"))</p>"
        return
            "<div class=\"preview-banner no-print\" id=\"preview-banner\" role=\"status\" data-previewing=\"\(chosen?.id.uuidString ?? "")\">\(text)\(chooser)</div>"
    }
}
