import Domain
import Foundation
import Vapor

/// The values of a posted form by field name, repeated names kept in order (multi-selects, and the hidden
/// "false" a checkbox posts before its "true"). An edit form re-renders from these when it is refused, so the
/// person sees what they typed. Field names stay as posted (`dependsOn[]`), unlike `FormState`, because the
/// edit pages read their fields from it directly; both read the body through `FormInput.fields(ofForm:)`.
struct FormValues: Sendable {
    var values: [String: [String]]

    init(_ values: [String: [String]] = [:]) { self.values = values }

    /// The fields of an `application/x-www-form-urlencoded` body.
    init(_ req: Request) throws {
        if let size = req.body.data?.readableBytes, size > JSON.maxBodyBytes { throw Abort(.payloadTooLarge, reason: "the form is larger than 1 MB") }
        var values: [String: [String]] = [:]
        for (name, value) in FormInput.fields(ofForm: req.body.data.map { String(buffer: $0) } ?? "") {
            values[name, default: []].append(value)
        }
        self.values = values
    }

    subscript(_ name: String) -> String? { values[name]?.last }

    /// The trimmed value, nil when absent or blank.
    func trimmed(_ name: String) -> String? { FormInput.optional(self[name]) }

    /// A checkbox rendered by `EditForm` (a hidden "false" before it): nil when the form did not carry it.
    func checkbox(_ name: String) -> Bool? { values[name].map { $0.last == "true" } }

    func all(_ name: String) -> [String] { values[name] ?? [] }

    mutating func set(_ name: String, _ value: String?) { values[name] = value.map { [$0] } ?? [] }
    mutating func set(_ name: String, _ value: Bool) { values[name] = [value ? "true" : "false"] }
}

/// Why a form was refused: a message in the viewer's language, next to `field` when it names one; `confirm` when
/// the input is fine but needs a second "save anyway".
struct FormProblem {
    var field: String?
    var message: String
    var confirm = false
    var status: HTTPResponseStatus

    /// The problem to show for `error`, or nil for errors that are not about the input (not found, forbidden).
    init?(_ error: any Error, _ c: PageContext) {
        guard let domain = error as? DomainError else { return nil }
        switch domain {
        case .validation(let field, let rule):
            self.field = field
            self.message = ValidationText.sentence(field: field, rule: rule, language: c.language, catalogue: c.catalogue)
            status = .badRequest
        case .conflict(let message):
            self.message = c.t("error.conflict", message)
            status = .conflict
        case .confirmationRequired(let field, _):
            self.field = field
            self.message = c.t("confirm.farDate", ValidationText.label(field, language: c.language, catalogue: c.catalogue) ?? field)
            confirm = true
            status = .conflict
        default:
            return nil
        }
    }
}

/// One field of an edit form.
struct FormField {
    enum Kind {
        case text(maxLength: Int)
        case textarea(rows: Int)
        case date
        case email
        case number(min: Int, max: Int)
        case decimal
        case select([(value: String, label: String)], blank: Bool)
        /// `marker` is posted with it, so an empty selection (clear) differs from a form without the list.
        case multiSelect([(value: String, label: String)], marker: String)
        case checkbox
    }

    var name: String
    var label: String
    var kind: Kind
    var required = false
    var hint: String? = nil
}

/// An edit form drawn from its fields and values, with the problem next to its field and, for a far-off date,
/// a "save anyway" button that posts the same values with `confirm`.
enum EditForm {
    static func render(
        _ c: PageContext, action: String, id: String, fields: [FormField], values: FormValues, problem: FormProblem?,
        submit: String, cancel: String
    ) -> HTML {
        let rendered: [HTML] = fields.map { field(c, $0, formID: id, values: values, problem: problem) }
        // A problem that names no field of this form is shown above it.
        var general = HTML.empty
        if let problem, !fields.contains(where: { $0.name == problem.field }) {
            general = "<p class=\"error form-error\" role=\"alert\">\(problem.message)</p>"
        }
        let confirm: HTML =
            problem?.confirm == true
            ? "<button type=\"submit\" name=\"confirm\" value=\"true\" class=\"secondary\" id=\"\(id)-confirm\">\(c.t("confirm.saveAnyway"))</button>"
            : .empty
        return c.form(
            action: action, id: id,
            """
            \(general)\(HTML.joined(rendered))
            <div class="actions"><button type="submit">\(submit)</button>\(confirm)<a class="button secondary" href="\(url: cancel)">\(c.t("action.cancel"))</a></div>
            """)
    }

    /// One field, marked up as `FormFields` marks up every page form: `id` "<form>-<name>", and when refused
    /// `aria-invalid`, `aria-describedby` and the message under it (an icon and words, not colour alone).
    private static func field(_ c: PageContext, _ field: FormField, formID: String, values: FormValues, problem: FormProblem?) -> HTML {
        let value = values[field.name] ?? ""
        let required: HTML = field.required ? " required" : .empty
        let invalid = problem.map { $0.field == field.name || $0.field.map { $0 + "[]" } == field.name } ?? false
        let fieldID = FormFields.id(formID, field.name.replacingOccurrences(of: "[]", with: ""))
        let message: HTML =
            invalid
            ? "<p class=\"field-error\" id=\"\(fieldID)-error\" role=\"alert\"><span aria-hidden=\"true\">⚠ </span>\(problem?.message ?? "")</p>"
            : .empty
        let aria: HTML = invalid ? " id=\"\(fieldID)\" aria-invalid=\"true\" aria-describedby=\"\(fieldID)-error\"" : " id=\"\(fieldID)\""
        let hint: HTML = field.hint.map { " <small>\($0)</small>" } ?? .empty
        let control: HTML
        switch field.kind {
        case .text(let maxLength):
            control = "<input name=\"\(field.name)\" maxlength=\"\(maxLength)\" value=\"\(value)\"\(required)\(aria)>"
        case .textarea(let rows):
            control = "<textarea name=\"\(field.name)\" rows=\"\(rows)\"\(required)\(aria)>\(value)</textarea>"
        case .date:
            control = "<input name=\"\(field.name)\" type=\"date\" value=\"\(value)\"\(required)\(aria)>"
        case .email:
            control = "<input name=\"\(field.name)\" type=\"email\" value=\"\(value)\"\(required)\(aria)>"
        case .number(let min, let max):
            control = "<input name=\"\(field.name)\" type=\"number\" min=\"\(min)\" max=\"\(max)\" value=\"\(value)\"\(required)\(aria)>"
        case .decimal:
            control = "<input name=\"\(field.name)\" inputmode=\"decimal\" value=\"\(value)\"\(required)\(aria)>"
        case .select(let choices, let blank):
            let empty: HTML = blank ? "<option value=\"\">—</option>" : .empty
            control = "<select name=\"\(field.name)\"\(aria)>\(empty)\(Components.options(choices, selected: value))</select>"
        case .multiSelect(let choices, let marker):
            let chosen = Set(values.all(field.name))
            let options: [HTML] = choices.map {
                "<option value=\"\($0.value)\"\(flag: "selected", chosen.contains($0.value))>\($0.label)</option>"
            }
            control =
                "<input type=\"hidden\" name=\"\(marker)\" value=\"1\"><select name=\"\(field.name)\" multiple size=\"6\"\(aria)>\(HTML.joined(options))</select>"
        case .checkbox:
            return """
                <input type="hidden" name="\(field.name)" value="false"><label class="check"><input type="checkbox" name="\(field.name)" value="true"\(aria)\
                \(flag: "checked", values.checkbox(field.name) == true)> \(field.label)</label>\(message)
                """
        }
        return "<label>\(field.label)\(hint)\(control)</label>\(message)"
    }

    /// The confirm step of a removal, a form of its own so it works without JavaScript.
    static func removal(_ c: PageContext, title: String, question: String, action: String, id: String, cancel: String, problem: FormProblem?) -> HTML
    {
        let error: HTML = problem.map { "<p class=\"error form-error\" role=\"alert\">\($0.message)</p>" } ?? .empty
        return """
            <section class="card narrow"><h1>\(title)</h1>\(error)<p>\(question)</p>\(c.form(action: action, id: id, """
            <div class="actions"><button type="submit" class="danger">\(c.t("remove.confirm"))</button>\
            <a class="button secondary" href="\(url: cancel)">\(c.t("action.cancel"))</a></div>
            """))</section>
            """
    }
}
