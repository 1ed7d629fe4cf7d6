import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// Customers with their contacts.
struct CustomerPages {
    func register(_ app: any RoutesBuilder) {
        app.endpoint(.GET, "customers", rule: .member, surface: .page, use: index)
        app.endpoint(.POST, "customers", rule: .manager, surface: .page, use: create)
        app.endpoint(.GET, "customers", ":customerID", rule: .member, surface: .page, use: show)
        app.endpoint(.POST, "customers", ":customerID", "contacts", rule: .manager, surface: .page, use: createContact)
    }


    @Sendable func index(req: Request) async throws -> Response {
        let c = try await PageContext.make(req)
        let workspaceID = try await CustomerActions.workspaceID(in: req.context)
        let customers = try await CustomerStore.byName(workspaceID: workspaceID, on: req.db)
        let rows: [HTML] = customers.map { customer in
            "<li><a href=\"\(PagePath.customer(customer.id!))\">\(customer.name)</a> <span class=\"tag\">\(c.t("language.\(customer.language.rawValue)"))</span></li>"
        }
        let form: HTML = c.identity.role?.canManage == true ? """
            <section class="card"><h2>\(c.t("customers.new"))</h2>\(c.form(action: "/customers", id: "new-customer", """
              <label>\(c.t("field.name"))<input name="name" required maxlength="200"></label>
              <label>\(c.t("field.language"))<select name="language">\(Components.languageOptions(c, selected: c.language))</select></label>
              <label>\(c.t("field.notes"))<textarea name="notes" rows="2"></textarea></label>
              <button type="submit">\(c.t("customers.create"))</button>
            """))</section>
            """ : .empty
        return Layout.page(c, title: c.t("customers.title"), """
            <h1>\(c.t("customers.title"))</h1>
            <section class="card"><ul class="list" id="customers">\(rows.isEmpty ? "<li class=\"empty\">\(c.t("customers.none"))</li>" : HTML.joined(rows))</ul></section>
            \(form)
            """)
    }

    struct CustomerForm: Decodable {
        var name: String
        var language: Language
        var notes: String?
    }

    @Sendable func create(req: Request) async throws -> Response {
        let form = try FormInput.decode(CustomerForm.self, from: req)
        let customer = try await CustomerActions.create(CreateCustomerRequest(name: form.name, language: form.language, notes: form.notes), in: req.context)
        return Layout.redirect("\(PagePath.customer(customer.id!))")
    }

    @Sendable func show(req: Request) async throws -> Response {
        let c = try await PageContext.make(req)
        let customer = try await req.authorizedCustomer()
        let contacts = try await CustomerStore.contacts(of: customer.requireID(), on: req.db)
        let projects = try await CustomerStore.projects(of: customer.requireID(), on: req.db)
        let contactRows: [HTML] = contacts.map { contact in
            let channel = contact.preferredChannel.map { c.t("channel.\($0.rawValue)") } ?? "—"
            return """
                <tr><td>\(contact.name)</td><td><a href="\(url: "mailto:" + contact.email)">\(contact.email)</a></td>\
                <td>\(contact.phone ?? "—")</td><td>\(c.t("language.\(contact.language.rawValue)"))</td><td>\(channel)</td></tr>
                """
        }
        let projectRows: [HTML] = projects.map { "<li><a href=\"\(PagePath.project($0.id!))\">\($0.name)</a></li>" }
        let channels = Components.options(ContactChannel.allCases.map { ($0.rawValue, c.t("channel.\($0.rawValue)")) })
        let form: HTML = c.identity.role?.canManage == true ? """
            <section class="card"><h2>\(c.t("contacts.new"))</h2>\(c.form(action: "\(PagePath.customerContacts(customer.id!))", id: "new-contact", """
              <label>\(c.t("field.name"))<input name="name" required maxlength="200"></label>
              <label>\(c.t("field.email"))<input name="email" type="email" required></label>
              <label>\(c.t("field.phone"))<input name="phone" type="tel" maxlength="40"></label>
              <label>\(c.t("field.language"))<select name="language">\(Components.languageOptions(c, selected: customer.language))</select></label>
              <label>\(c.t("field.preferredChannel"))<select name="preferredChannel">\(channels)</select></label>
              <button type="submit">\(c.t("contacts.create"))</button>
            """))</section>
            """ : .empty
        return Layout.page(c, title: customer.name, """
            <h1>\(customer.name)</h1><p class="muted">\(c.t("language.\(customer.language.rawValue)"))\(customer.notes.map { " · " + $0 } ?? "")</p>
            <section class="card"><h2>\(c.t("contacts.title"))</h2><div class="scroll"><table id="contacts"><thead><tr>\
            <th>\(c.t("field.name"))</th><th>\(c.t("field.email"))</th><th>\(c.t("field.phone"))</th><th>\(c.t("field.language"))</th>\
            <th>\(c.t("field.preferredChannel"))</th></tr></thead><tbody>\(contactRows)</tbody></table></div></section>
            \(form)
            <section class="card"><h2>\(c.t("projects.title"))</h2><ul class="list">\(projectRows)</ul></section>
            """)
    }

    struct ContactForm: Decodable {
        var name: String
        var email: String
        var phone: String?
        var language: Language?
        var preferredChannel: ContactChannel?
    }

    @Sendable func createContact(req: Request) async throws -> Response {
        let customerID = try req.uuidParameter("customerID")
        let form = try FormInput.decode(ContactForm.self, from: req)
        _ = try await CustomerActions.createContact(CreateContactRequest(name: form.name, email: form.email, phone: FormInput.optional(form.phone),
                                                                         language: form.language, preferredChannel: form.preferredChannel),
                                                    customerID: customerID, in: req.context)
        return Layout.redirect("\(PagePath.customer(customerID))")
    }
}
