import Domain
import Foundation

/// The fields of one form of a page, as a view writes them: with the typed values and the messages when
/// `state` is this form's refusal, with the view's own defaults otherwise. See `FormState` for the recipe.
struct FormFields {
    let c: PageContext
    /// The form's key, unique on the page; field ids are `<key>-<name>`.
    let key: String
    /// The refusal of this form, if the page re-shows it (a refusal of another form of the page is ignored).
    let state: FormState?

    init(_ c: PageContext, _ key: String, _ state: FormState?) {
        self.c = c
        self.key = key
        self.state = state?.form == key ? state : nil
    }

    /// The form comes back refused (a view opens its `<details>` then).
    var refused: Bool { state != nil }

    static func id(_ key: String, _ name: String) -> String { "\(key)-\(name)" }

    /// The typed value of `name` when re-shown, else `fallback`.
    func value(_ name: String, _ fallback: String? = nil) -> String {
        guard let state else { return fallback ?? "" }
        return state.values[name]?.first ?? ""
    }

    /// All typed values of `name` (a multiple select), else `fallback`.
    func values(_ name: String, _ fallback: [String]) -> [String] {
        guard let state else { return fallback }
        return state.values[name] ?? []
    }

    /// A checkbox: ticked when it was ticked when sent (an unticked box sends nothing), else `fallback`.
    func checked(_ name: String, _ fallback: Bool) -> Bool {
        guard let state else { return fallback }
        return state.values[name].map { FormInput.checked($0.first) } ?? false
    }

    /// The rule `name` broke, if it is the refused field (a list field such as `workingDates[2]` counts).
    func rule(_ name: String) -> ValidationRule? {
        state?.errors.first { $0.field == name || $0.field.hasPrefix(name + "[") || $0.field.hasPrefix(name + ".") }?.rule
    }

    /// ` id="…"` always, and ` aria-invalid="true" aria-describedby="…-error"` when `name` was refused:
    /// goes inside the input, select or textarea tag.
    func attributes(_ name: String) -> HTML {
        let id = Self.id(key, name)
        guard rule(name) != nil else { return " id=\"\(id)\"" }
        return " id=\"\(id)\" aria-invalid=\"true\" aria-describedby=\"\(id)-error\""
    }

    /// The message under a refused field (nothing otherwise): an icon and words, not colour alone.
    func error(_ name: String) -> HTML {
        guard let rule = rule(name) else { return .empty }
        // Next to its field the text reads as a sentence of its own: "Must not be empty".
        let text = ValidationText.text(rule, language: c.language, catalogue: c.catalogue)
        let sentence = text.prefix(1).uppercased() + text.dropFirst()
        return "<p class=\"field-error\" id=\"\(Self.id(key, name))-error\"><span aria-hidden=\"true\">⚠ </span>\(sentence)</p>"
    }

    /// A labelled field and its message; `extra` is trusted markup for the tag (`required maxlength="200"`).
    private func field(_ name: String, _ label: String, hint: HTML, control: HTML) -> HTML {
        let labelled: HTML = "<label>\(label)\(hint)\(control)</label>"
        guard rule(name) != nil else { return labelled }
        return "<div class=\"field invalid\">\(labelled)\(error(name))</div>"
    }

    /// `<label>Label<input name="name" value="…"></label>`; `keep: false` never echoes the value (passwords).
    func input(_ name: String, label: String, type: String = "text", value: String? = nil, keep: Bool = true, _ extra: HTML = .empty) -> HTML {
        let typeAttribute: HTML = type == "text" ? .empty : " type=\"\(type)\""
        let shown = keep ? self.value(name, value) : (state == nil ? value ?? "" : "")
        let valueAttribute: HTML = shown.isEmpty ? .empty : " value=\"\(shown)\""
        return field(
            name, label, hint: .empty,
            control: "<input name=\"\(name)\"\(typeAttribute)\(attributes(name))\(valueAttribute)\(extra.raw.isEmpty ? "" : " ")\(extra)>")
    }

    func textarea(_ name: String, label: String, hint: HTML = .empty, value: String? = nil, rows: Int = 3, _ extra: HTML = .empty) -> HTML {
        field(
            name, label, hint: hint,
            control:
                "<textarea name=\"\(name)\" rows=\"\(rows)\"\(attributes(name))\(extra.raw.isEmpty ? "" : " ")\(extra)>\(self.value(name, value))</textarea>"
        )
    }

    /// A select of `options`; `selected` is the default choice. `multiple` posts `name[]`.
    func select(
        _ name: String, label: String, options: [(value: String, label: String)], selected: [String] = [], multiple: Bool = false,
        _ extra: HTML = .empty
    ) -> HTML {
        let chosen = Set(values(name, selected))
        let rendered: [HTML] = options.map { option in
            "<option value=\"\(option.value)\"\(flag: "selected", chosen.contains(option.value))>\(option.label)</option>"
        }
        let postedName = multiple ? name + "[]" : name
        return field(
            name, label, hint: .empty,
            control:
                "<select name=\"\(postedName)\"\(flag: "multiple", multiple)\(attributes(name))\(extra.raw.isEmpty ? "" : " ")\(extra)>\(rendered)</select>"
        )
    }

    func check(_ name: String, label: String, checked fallback: Bool) -> HTML {
        let box: HTML = """
            <label class="check"><input type="checkbox" name="\(name)"\(attributes(name))\(flag: "checked", checked(name, fallback))> \(label)</label>
            """
        return rule(name) == nil ? box : "<div class=\"field invalid\">\(box)\(error(name))</div>"
    }
}
