import Domain
import Foundation

/// A validation failure in the viewer's words. Domain rules speak English with the field's code name
/// (which the API keeps); pages show the field's label and the message from the catalogue.
enum ValidationText {
    /// English message patterns (as `Validate` and the flows write them) and the catalogue key for each;
    /// `(\d+)` groups become the text's arguments. A sentence that stands alone (it names no field) is
    /// marked `whole`.
    static let patterns: [(pattern: NSRegularExpression, key: String, whole: Bool)] = [
        (#"^must not be empty$"#, "validation.empty", false),
        (#"^must be at most (\d+) characters$"#, "validation.maxLength", false),
        (#"^must be at least (\d+) characters$"#, "validation.minLength", false),
        (#"^must be one line$"#, "validation.oneLine", false),
        (#"^must not contain control characters$"#, "validation.control", false),
        (#"^must be an e-mail address$"#, "validation.email", false),
        (#"^must be a real date"#, "validation.date", false),
        (#"^must not be before startDate$"#, "validation.dueBeforeStart", true),
        (#"^must be an http or https link$"#, "validation.link", false),
        (#"^must be an IANA time zone"#, "validation.timeZone", false),
        (#"^must be a three-letter ISO 4217 code$"#, "validation.currency", false),
        (#"^must be between (-?[\d.]+) and (-?[\d.]+)$"#, "validation.range", false),
        (#"^write down at least one goal or in-scope item$"#, "validation.scopeEmpty", true),
        (#"^say what needs to change when returning a deliverable$"#, "validation.returnComment", true),
        (#"^say what should change in this scope version$"#, "validation.scopeChangesComment", true),
        (#"^the form expired"#, "validation.formExpired", true),
        (#"^is already the address of a contact$"#, "validation.contactEmailTaken", false),
        (#"^is already a member$"#, "validation.memberEmailTaken", false),
        (#"^must name work items of this project$"#, "validation.notProjectItems", false),
        (#"^is not a milestone of this project$"#, "validation.notMilestone", false),
        (#"^is not a member of this workspace$"#, "validation.notMember", false),
        (#"^is not a customer of this workspace$"#, "validation.notCustomer", false),
        (#"^is not a contact of this project's customer$"#, "validation.notContact", false),
        (#"^must be a number$"#, "validation.number", false),
        (#"^must be an amount"#, "validation.amount", false),
        (#"^could not be read$"#, "validation.unreadable", false),
        (#"^at most (\d+) (?:entries|dates|dependencies)$"#, "validation.atMost", false),
        (#"^lists (.+), which is also a non-working date$"#, "validation.nonWorkingClash", false),
        (#"^must also be listed in dependsOn$"#, "validation.lagNeedsDependency", false),
        (#"^must be a whole number from (\d+) to (\d+)$"#, "validation.range", false),
        (#"^must be day, week or month$"#, "validation.zoom", false),
        (#"^must be a baseline id$"#, "validation.baseline", false),
        (#"^must be (?:a JSON object|valid JSON)$"#, "validation.json", false),
        (#"^is not a cursor this API gave out$"#, "validation.cursor", false),
        (#"^is required$"#, "validation.required", false),
        (#"^(?:is invalid|is not an allowed value)$"#, "validation.invalid", false),
        (#"^the plan cannot be scheduled$"#, "validation.invalid", false),
        (#"^must be (?:a |an )?[a-z0-9 ]+(?:, not null)?$"#, "validation.type", false),
    ].map { (try! NSRegularExpression(pattern: $0.0), $0.1, $0.2) }

    /// "Please check “Due”: …" or a sentence of its own, in `language`.
    static func sentence(field: String?, message: String, language: Language, catalogue: Catalogue) -> String {
        let (text, whole) = localized(message, language: language, catalogue: catalogue)
        if whole { return text }
        return catalogue.text("error.invalid", language, [label(field ?? "", language: language, catalogue: catalogue), text])
    }

    /// The message in `language`, and whether it stands alone.
    static func localized(_ message: String, language: Language, catalogue: Catalogue) -> (String, Bool) {
        let range = NSRange(message.startIndex..., in: message)
        for entry in patterns {
            guard let match = entry.pattern.firstMatch(in: message, range: range) else { continue }
            let arguments = (1..<max(match.numberOfRanges, 1)).compactMap { Range(match.range(at: $0), in: message).map { String(message[$0]) } }
            return (catalogue.text(entry.key, language, arguments), entry.whole)
        }
        return (catalogue.text("validation.invalid", language), false)
    }

    /// The field's label (`field.dueDate` → "Due"), or its code name when the catalogue has none.
    static func label(_ field: String, language: Language, catalogue: Catalogue) -> String {
        let key = "field.\(field)"
        return catalogue.texts[language]?[key] == nil ? field : catalogue.text(key, language)
    }
}
