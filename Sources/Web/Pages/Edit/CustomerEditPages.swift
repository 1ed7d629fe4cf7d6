import Domain
import Foundation
import Persistence
import Vapor

/// Editing a customer, and editing or removing one of its contacts.
struct CustomerEditModel {
    var customerID: UUID
    var name: String
    var values: FormValues

    static func load(_ req: Request) async throws -> (CustomerEditModel, CustomerRecord) {
        let customer = try await req.authorizedCustomer()
        var values = FormValues()
        values.set("name", customer.name)
        values.set("language", customer.language.rawValue)
        values.set("notes", customer.notes)
        return (CustomerEditModel(customerID: try customer.requireID(), name: customer.name, values: values), customer)
    }
}

struct ContactEditModel {
    var contactID: UUID
    var customerID: UUID
    var name: String
    var values: FormValues

    static func load(_ req: Request) async throws -> (ContactEditModel, ContactRecord) {
        let contact = try await ContactActions.contact(req.uuidParameter("contactID"), in: req.context)
        var values = FormValues()
        values.set("name", contact.name)
        values.set("email", contact.email)
        values.set("phone", contact.phone)
        values.set("language", contact.language.rawValue)
        values.set("preferredChannel", contact.preferredChannel?.rawValue)
        values.set("active", contact.active)
        return (ContactEditModel(contactID: try contact.requireID(), customerID: contact.customerID, name: contact.name, values: values), contact)
    }
}

enum CustomerEditView {
    static func customer(_ c: PageContext, _ model: CustomerEditModel, values: FormValues, problem: FormProblem?) -> HTML {
        let fields = [
            FormField(name: "name", label: c.t("field.name"), kind: .text(maxLength: 200), required: true),
            FormField(name: "language", label: c.t("field.language"), kind: .select(languages(c), blank: false)),
            FormField(name: "notes", label: c.t("field.notes"), kind: .textarea(rows: 2)),
        ]
        let back = "\(PagePath.customer(model.customerID))"
        return """
            <section class="card narrow"><h1>\(c.t("customers.edit"))</h1><p class="muted"><a href="\(url: back)">\(model.name)</a></p>
            \(EditForm.render(c, action: "\(PagePath.customerEdit(model.customerID))", id: "edit-customer", fields: fields, values: values, problem: problem, submit: c.t("work.saveChanges"), cancel: back))</section>
            """
    }

    static func contact(_ c: PageContext, _ model: ContactEditModel, values: FormValues, problem: FormProblem?) -> HTML {
        let channels = ContactChannel.allCases.map { ($0.rawValue, c.t("channel.\($0.rawValue)")) }
        let fields = [
            FormField(name: "name", label: c.t("field.name"), kind: .text(maxLength: 200), required: true),
            FormField(name: "email", label: c.t("field.email"), kind: .email, required: true),
            FormField(name: "phone", label: c.t("field.phone"), kind: .text(maxLength: 40)),
            FormField(name: "language", label: c.t("field.language"), kind: .select(languages(c), blank: false)),
            FormField(name: "preferredChannel", label: c.t("field.preferredChannel"), kind: .select(channels, blank: true)),
            FormField(name: "active", label: c.t("contacts.active"), kind: .checkbox),
        ]
        let back = "\(PagePath.customer(model.customerID))"
        return """
            <section class="card narrow"><h1>\(c.t("contacts.edit"))</h1><p class="muted"><a href="\(url: back)">\(model.name)</a></p>
            \(EditForm.render(c, action: "\(PagePath.contactEdit(model.contactID))", id: "edit-contact", fields: fields, values: values, problem: problem, submit: c.t("work.saveChanges"), cancel: back))
            <p><a class="danger" id="remove-contact-link" href="\(PagePath.contactRemove(model.contactID))">\(c.t("contacts.remove"))</a></p></section>
            """
    }

    private static func languages(_ c: PageContext) -> [(value: String, label: String)] {
        Language.allCases.map { ($0.rawValue, c.t("language.\($0.rawValue)")) }
    }
}

extension CorrectionPages {
    @Sendable func editCustomer(req: Request) async throws -> Response {
        let (model, _) = try await CustomerEditModel.load(req)
        return try await EditPage.show(req, title: model.name) { CustomerEditView.customer($0, model, values: model.values, problem: nil) }
    }

    @Sendable func updateCustomer(req: Request) async throws -> Response {
        let (model, customer) = try await CustomerEditModel.load(req)
        return try await EditPage.submit(
            req, title: model.name, form: { CustomerEditView.customer($0, model, values: $1, problem: $2) },
            save: { values in
                let input = UpdateCustomerRequest(
                    name: values.trimmed("name"), language: try language(values["language"]), notes: values["notes"])
                _ = try await ContactActions.updateCustomer(customer, with: input, clearing: [], in: req.context)
                return "\(PagePath.customer(model.customerID))"
            })
    }

    @Sendable func editContact(req: Request) async throws -> Response {
        let (model, _) = try await ContactEditModel.load(req)
        return try await EditPage.show(req, title: model.name) { CustomerEditView.contact($0, model, values: model.values, problem: nil) }
    }

    @Sendable func updateContact(req: Request) async throws -> Response {
        let (model, contact) = try await ContactEditModel.load(req)
        return try await EditPage.submit(
            req, title: model.name, form: { CustomerEditView.contact($0, model, values: $1, problem: $2) },
            save: { values in
                var channel: ContactChannel?
                if let text = values.trimmed("preferredChannel") {
                    guard let known = ContactChannel(rawValue: text) else {
                        throw DomainError.validation(field: "preferredChannel", rule: .notAllowed)
                    }
                    channel = known
                }
                let input = UpdateContactRequest(
                    name: values.trimmed("name"), email: values.trimmed("email"), phone: values["phone"],
                    language: try language(values["language"]), preferredChannel: channel, active: values.checkbox("active"))
                let clearing: Set<String> = values["preferredChannel"] != nil && channel == nil ? ["preferredChannel"] : []
                _ = try await ContactActions.updateContact(contact, with: input, clearing: clearing, in: req.context)
                return "\(PagePath.customer(model.customerID))"
            })
    }

    @Sendable func removeContactForm(req: Request) async throws -> Response {
        let (model, _) = try await ContactEditModel.load(req)
        return try await EditPage.show(req, title: model.name) { c in
            EditForm.removal(
                c, title: c.t("contacts.remove"), question: c.t("contacts.removeQuestion", model.name),
                action: "\(PagePath.contactRemove(model.contactID))", id: "remove-contact", cancel: "\(PagePath.customer(model.customerID))",
                problem: nil)
        }
    }

    @Sendable func removeContact(req: Request) async throws -> Response {
        let (model, contact) = try await ContactEditModel.load(req)
        _ = try await ContactActions.remove(contact, in: req.context)
        return Layout.redirect("\(PagePath.customer(model.customerID))")
    }

    private func language(_ text: String?) throws -> Language? {
        guard let text = FormInput.optional(text) else { return nil }
        guard let language = Language(rawValue: text) else { throw DomainError.validation(field: "language", rule: .notAllowed) }
        return language
    }
}
