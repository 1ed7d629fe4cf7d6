import Domain
import Foundation
import Vapor

// A refused form comes back as THE SAME FORM: the same page, status 400 (like every other refused input,
// API included), with every typed value kept and the message next to its field (`aria-invalid`,
// `aria-describedby`, an icon and text, so not colour alone), in the viewer's language, with the field's label.
//
// Adopting it for a form takes three small steps:
// 1. The POST handler puts its body in a `do` and shows the page again from `catch`, naming the form:
//        do {
//            ...decode, call the action, redirect (unchanged)...
//        } catch {
//            return try await MilestonePage.show(req, form: try req.refusal(of: error, form: "edit-milestone"))
//        }
//    `refusal(of:form:)` answers only validation failures (`DomainError.validation`, an unschedulable plan);
//    anything else (404, 409, …) it throws on to `ErrorMapping` as before. Authorize before the `do`.
// 2. The page's show function takes `form: FormState? = nil`, hands it to the model/view, and answers with
//    `FormState.page(c, title:, form:, content)` instead of `Layout.page` (status 400 and the error summary).
// 3. The view builds `let f = FormFields(c, "edit-milestone", state)` and writes its fields with
//    `f.input(…)`, `f.textarea(…)`, `f.select(…)`, `f.check(…)` (or, for hand-made markup, `f.value`,
//    `f.attributes`, `f.error`). Forms repeated per row use one key per row, e.g. "submit-<deliverable id>".
//    Never echo a password: `f.input(…, type: "password", keep: false)`.

/// What was typed into one refused form and why it was refused; a page re-shows it through `FormFields`.
struct FormState: Sendable {
    struct FieldError: Sendable, Equatable {
        /// The field as the Domain names it (usually the input's `name`).
        var field: String
        var rule: ValidationRule
    }

    /// Which form of the page was refused (the key its view gives `FormFields`).
    var form: String
    /// Every submitted value by field name (`dependsOn[]` is kept as `dependsOn`); the CSRF token is left out.
    var values: [String: [String]]
    var errors: [FieldError]

    /// The status of a re-shown form: 400, the same as the API answers for the same input.
    static let status: HTTPResponseStatus = .badRequest

    /// The submitted values of an `application/x-www-form-urlencoded` body.
    static func values(ofForm body: String) -> [String: [String]] {
        var values: [String: [String]] = [:]
        for (name, value) in FormInput.fields(ofForm: body) {
            let key = name.hasSuffix("[]") ? String(name.dropLast(2)) : name
            guard !key.isEmpty else { continue }
            values[key, default: []].append(value)
        }
        return values
    }

    /// The state after `error`, or nil when `error` is not a refusal of the input (then it is thrown on).
    static func refused(_ req: Request, form: String, error: any Error) -> FormState? {
        let mapped = ErrorMapping.map(error, logger: req.logger)
        guard mapped.status == .badRequest, let field = mapped.field, let rule = mapped.rule else { return nil }
        let body = req.body.data.map { String(decoding: $0.readableBytesView, as: UTF8.self) } ?? ""
        return FormState(form: form, values: values(ofForm: body), errors: [FieldError(field: field, rule: rule)])
    }

    /// `Layout.page` for a page that may re-show a refused form: status 400 and, above the content, a summary
    /// that names each refused field and links to it (the form may sit far down a long page).
    static func page(_ c: PageContext, title: String, form: FormState?, _ content: HTML) -> Response {
        guard let form else { return Layout.page(c, title: title, content) }
        return Layout.page(c, title: title, status: status, "\(summary(c, form))\(content)")
    }

    static func summary(_ c: PageContext, _ form: FormState) -> HTML {
        let items: [HTML] = form.errors.map { error in
            let text = ValidationText.text(error.rule, language: c.language, catalogue: c.catalogue)
            let label = error.rule.standsAlone ? nil : ValidationText.label(error.field, language: c.language, catalogue: c.catalogue)
            let sentence = label.map { c.t("form.errorWithLabel", $0, text) } ?? text
            return "<li><a href=\"#\(FormFields.id(form.form, error.field))\">\(sentence)</a></li>"
        }
        return """
            <section class="card error form-errors" role="alert" aria-labelledby="form-errors-title" data-form="\(form.form)">\
            <h2 id="form-errors-title"><span aria-hidden="true">⚠ </span>\(c.t("form.notSaved"))</h2><ul>\(items)</ul></section>
            """
    }
}

extension Request {
    /// What was typed into `form` and why `error` refused it, to show the form again (see `FormState`); any
    /// error that is not a refusal of the input is thrown on unchanged.
    func refusal(of error: any Error, form: String) throws -> FormState {
        guard let state = FormState.refused(self, form: form, error: error) else { throw error }
        return state
    }
}
