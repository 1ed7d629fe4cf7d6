import Domain
import Foundation
import Persistence
import Vapor

/// One customer of the workspace with its contacts and projects, loaded by one function.
struct CustomerPageModel {
    var customer: Customer
    var contacts: [Contact]
    var projects: [ProjectRecord]
    var canManage: Bool
    /// A refused new-contact form, shown again with what was typed (see `FormState`).
    var form: FormState? = nil

    static func load(_ req: Request) async throws -> CustomerPageModel {
        let customer = try await req.authorizedCustomer()
        let id = try customer.requireID()
        return CustomerPageModel(
            customer: try customer.domain(), contacts: try await CustomerStore.contacts(of: id, on: req.db),
            projects: try await CustomerStore.projects(of: id, on: req.db),
            canManage: try await req.identity.role?.canManage == true)
    }
}

/// The customer page: contacts with their language and channel, the form for a new one, the projects.
enum CustomerView {
    static func render(_ c: PageContext, _ model: CustomerPageModel) -> HTML {
        let customer = model.customer
        let contactRows: [HTML] = model.contacts.map { contact in
            let channel = contact.preferredChannel.map { c.t("channel.\($0.rawValue)") } ?? "—"
            return """
                <tr><td>\(contact.name)</td><td><a href="\(url: "mailto:" + contact.email)">\(contact.email)</a></td>\
                <td>\(contact.phone ?? "—")</td><td>\(c.t("language.\(contact.language.rawValue)"))</td><td>\(channel)</td>\
                <td>\(contact.active ? HTML.empty : "<span class=\"tag muted\">\(c.t("contacts.inactive"))</span> ")\
                \(model.canManage ? "<a class=\"edit-link\" href=\"\(PagePath.contactEdit(contact.id))\">\(c.t("action.edit"))</a> \(signInLink(c, contact))" as HTML : .empty)</td></tr>
                """
        }
        let projectRows: [HTML] = model.projects.compactMap { project in
            project.id.map { "<li><a href=\"\(PagePath.project($0))\">\(project.name)</a></li>" }
        }
        let channels = ContactChannel.allCases.map { (value: $0.rawValue, label: c.t("channel.\($0.rawValue)")) }
        let f = FormFields(c, "new-contact", model.form)
        let form: HTML =
            model.canManage
            ? """
            <section class="card"><h2>\(c.t("contacts.new"))</h2>\(c.form(action: "\(PagePath.customerContacts(customer.id))", id: "new-contact", """
              \(f.input("name", label: c.t("field.name"), "required maxlength=\"200\""))
              \(f.input("email", label: c.t("field.email"), type: "email", "required"))
              \(f.input("phone", label: c.t("field.phone"), type: "tel", "maxlength=\"40\""))
              \(f.select("language", label: c.t("field.language"), options: Components.languageChoices(c), selected: [customer.language.rawValue]))
              \(f.select("preferredChannel", label: c.t("field.preferredChannel"), options: channels))
              <button type="submit">\(c.t("contacts.create"))</button>
            """))</section>
            """ : .empty
        return """
            <h1>\(customer.name)\(model.canManage ? " <a class=\"edit-link\" id=\"edit-customer-link\" href=\"\(PagePath.customerEdit(customer.id))\">\(c.t("action.edit"))</a>" as HTML : .empty)</h1><p class="muted">\(c.t("language.\(customer.language.rawValue)"))\(customer.notes.map { " · " + $0 } ?? "")</p>
            <section class="card"><h2>\(c.t("contacts.title"))</h2><div class="scroll"><table id="contacts"><thead><tr>\
            <th>\(c.t("field.name"))</th><th>\(c.t("field.email"))</th><th>\(c.t("field.phone"))</th><th>\(c.t("field.language"))</th>\
            <th>\(c.t("field.preferredChannel"))</th><th></th></tr></thead><tbody>\(contactRows)</tbody></table></div></section>
            \(form)
            <section class="card"><h2>\(c.t("projects.title"))</h2><ul class="list">\(projectRows)</ul></section>
            """
    }

    /// The team hands the contact a fresh sign-in link (shown with a ready message to copy).
    static func signInLink(_ c: PageContext, _ contact: Contact) -> HTML {
        c.form(
            action: "\(PagePath.contactSignInLink(contact.id))", cssClass: "inline contact-sign-in-link",
            "<button type=\"submit\" class=\"secondary\">\(c.t("contacts.signInLink"))</button>")
    }
}
