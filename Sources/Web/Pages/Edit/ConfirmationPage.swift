import Domain
import Foundation
import Vapor

/// A form refused for a far-off date, asked again: the warning and a "save anyway" button that posts the very
/// values that were sent, with `confirm`. Any form gets it without code of its own (edit pages show their form).
enum ConfirmationPage {
    static func response(_ c: PageContext, _ mapped: ErrorMapping.Mapped, values: FormValues, action: String) -> Response {
        let label = mapped.field.flatMap { ValidationText.label($0, language: c.language, catalogue: c.catalogue) ?? $0 } ?? ""
        let hidden: [HTML] = values.values.sorted { $0.key < $1.key }.filter { $0.key != "confirm" }.flatMap { name, list in
            list.map { "<input type=\"hidden\" name=\"\(name)\" value=\"\($0)\">" as HTML }
        }
        let shown: [HTML] = values.values.sorted { $0.key < $1.key }.compactMap { name, list in
            guard name == mapped.field, let value = list.last else { return nil }
            return "<li><strong>\(label)</strong>: \(value)</li>"
        }
        let back = ReturnPath.sanitize(c.req.headers.first(name: .referer).flatMap { URL(string: $0)?.path }) ?? "/"
        return Layout.page(
            c, title: c.t("confirm.title"), status: .conflict,
            """
            <section class="card narrow" role="alert" id="confirm-far-date"><h1>\(c.t("confirm.title"))</h1>\
            <p>\(c.t("confirm.farDate", label))</p><ul>\(shown)</ul><p class="muted">\(c.t("confirm.intro"))</p>\
            \(c.form(action: action, id: "confirm-form", """
            \(HTML.joined(hidden))<input type="hidden" name="confirm" value="true">\
            <div class="actions"><button type="submit">\(c.t("confirm.saveAnyway"))</button>\
            <a class="button secondary" href="\(url: back)">\(c.t("action.cancel"))</a></div>
            """))</section>
            """)
    }
}
