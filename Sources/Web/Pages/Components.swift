import Domain
import Foundation

/// Small pieces many pages share, so each is written (and escaped) once.
enum Components {
    /// `<option>`s of a select; `selected` marks the current value.
    static func options(_ choices: [(value: String, label: String)], selected: String? = nil) -> HTML {
        HTML.joined(
            choices.map { choice in
                "<option value=\"\(choice.value)\"\(flag: "selected", choice.value == selected)>\(choice.label)</option>"
            })
    }

    /// The two languages, named in the viewer's language.
    static func languageOptions(_ c: PageContext, selected: Language?) -> HTML {
        options(languageChoices(c), selected: selected?.rawValue)
    }

    /// The two languages as choices for `FormFields.select`.
    static func languageChoices(_ c: PageContext) -> [(value: String, label: String)] {
        Language.allCases.map { (value: $0.rawValue, label: c.t("language.\($0.rawValue)")) }
    }
}

extension HTML {
    /// Fragments one after another, with `separator` (itself markup) between them.
    static func joined(_ parts: [HTML], separator: HTML = .empty) -> HTML {
        HTML(raw: parts.map(\.raw).joined(separator: separator.raw))
    }
}
