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
        try await index(req, form: nil)
    }

    /// The customer list, re-showing the new-customer `form` when it was refused.
    func index(_ req: Request, form state: FormState?) async throws -> Response {
        let c = try await PageContext.make(req)
        let f = FormFields(c, "new-customer", state)
        let workspaceID = try await CustomerActions.workspaceID(in: req.context)
        let customers = try await CustomerStore.byName(workspaceID: workspaceID, on: req.db)
        let rows: [HTML] = customers.map { customer in
            "<li><a href=\"\(PagePath.customer(customer.id))\">\(customer.name)</a> <span class=\"tag\">\(c.t("language.\(customer.language.rawValue)"))</span></li>"
        }
        let form: HTML =
            c.identity.role?.canManage == true
            ? """
            <section class="card"><h2>\(c.t("customers.new"))</h2>\(c.form(action: "/customers", id: "new-customer", """
              \(f.input("name", label: c.t("field.name"), "required maxlength=\"200\""))
              \(f.select("language", label: c.t("field.language"), options: Components.languageChoices(c), selected: [c.language.rawValue]))
              \(f.textarea("notes", label: c.t("field.notes"), rows: 2))
              <button type="submit">\(c.t("customers.create"))</button>
            """))</section>
            """ : .empty
        return FormState.page(
            c, title: c.t("customers.title"), form: state,
            """
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
        do {
            let form = try FormInput.decode(CustomerForm.self, from: req)
            let customer = try await CustomerActions.create(
                CreateCustomerRequest(name: form.name, language: form.language, notes: form.notes), in: req.context)
            return Layout.redirect("\(PagePath.customer(try customer.requireID()))")
        } catch {
            return try await index(req, form: try req.refusal(of: error, form: "new-customer"))
        }
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await show(req, form: nil)
    }

    /// The customer page, re-showing the new-contact `form` when it was refused.
    func show(_ req: Request, form: FormState?) async throws -> Response {
        let c = try await PageContext.make(req)
        var model = try await CustomerPageModel.load(req)
        model.form = form
        return FormState.page(c, title: model.customer.name, form: form, CustomerView.render(c, model))
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
        do {
            let form = try FormInput.decode(ContactForm.self, from: req)
            _ = try await CustomerActions.createContact(
                CreateContactRequest(
                    name: form.name, email: form.email, phone: FormInput.optional(form.phone),
                    language: form.language, preferredChannel: form.preferredChannel),
                customerID: customerID, in: req.context)
            return Layout.redirect("\(PagePath.customer(customerID))")
        } catch {
            return try await show(req, form: try req.refusal(of: error, form: "new-contact"))
        }
    }
}
