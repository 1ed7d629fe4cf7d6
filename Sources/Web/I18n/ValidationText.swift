import Domain
import Foundation

/// A validation failure in the viewer's words. The Domain names the rule (`ValidationRule`: its English
/// `message` is what the API answers); pages show the rule's catalogue text and the field's label, never
/// the field's code name.
enum ValidationText {
    /// The rule's text in `language`: a fragment ("must not be empty") or, when the rule `standsAlone`,
    /// a sentence of its own ("The due date is before the start date").
    static func text(_ rule: ValidationRule, language: Language, catalogue: Catalogue) -> String {
        catalogue.text(rule.key, language, rule.arguments)
    }

    /// The failure as one sentence for a page that cannot point at the field: "Please check “Due”: …", the
    /// rule's own sentence, or the bare text when the field has no label (a code name is never shown).
    static func sentence(field: String?, rule: ValidationRule?, language: Language, catalogue: Catalogue) -> String {
        let rule = rule ?? .invalid
        let text = text(rule, language: language, catalogue: catalogue)
        guard !rule.standsAlone, let label = field.flatMap({ label($0, language: language, catalogue: catalogue) }) else { return text }
        return catalogue.text("error.invalid", language, [label, text])
    }

    /// Fields whose label lives under another key than `field.<code name>`.
    static let labelKeys: [String: String] = [
        "customerId": "field.customer", "assigneeId": "field.owner", "milestoneId": "field.milestone",
        "workspaceName": "setup.workspaceName", "inScope": "scope.inScope", "outOfScope": "scope.outOfScope",
        "acceptanceCriteria": "deliverable.criteria", "link": "deliverable.link", "note": "deliverable.note",
        "comment": "portal.comment", "nonWorkingDates": "calendar.nonWorking", "workingDates": "calendar.working",
        "dependencyLags": "field.dependsOn", "newPassword": "field.password",
    ]

    /// The field's label (`dueDate` → "Due"), or nil when the catalogue has none. An indexed field such as
    /// `workingDates[2]` or `dependencyLags[0].id` takes the label of its list.
    static func label(_ field: String, language: Language, catalogue: Catalogue) -> String? {
        let base = String(field.prefix { $0 != "[" && $0 != "." })
        let key = labelKeys[base] ?? "field.\(base)"
        return catalogue.texts[language]?[key] == nil ? nil : catalogue.text(key, language)
    }
}
