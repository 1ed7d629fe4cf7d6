import Domain
import Foundation

/// The one place an activity entry becomes a sentence: the catalogue's `activity.<action>` text with
/// {0} = who, {1} = the object's name, {2} = the detail. An action without a text of its own (one added
/// later) gets the generic sentence, so a new audited action reads sensibly before anyone writes its text:
/// add `"activity.<action>"` to `scripts/catalogue.py` to give it one.
enum ActivityText {
    static func summary(_ item: ActivityItem, catalogue: Catalogue, language: Language) -> String {
        let who = item.actorName ?? catalogue.text("activity.team", language)
        let name = item.objectLabel ?? catalogue.text("activity.removed", language)
        let key = "activity.\(item.entry.action)"
        if catalogue.texts[.en]?[key] != nil {
            return catalogue.text(key, language, [who, name, item.entry.detail ?? ""])
        }
        let typeKey = "activity.type.\(item.entry.objectType)"
        let type =
            catalogue.texts[.en]?[typeKey] != nil ? catalogue.text(typeKey, language) : item.entry.objectType.replacingOccurrences(of: "_", with: " ")
        let action = item.entry.action.replacingOccurrences(of: ".", with: " ").replacingOccurrences(of: "_", with: " ")
        return catalogue.text("activity.other", language, [who, action, type, name])
    }
}
