import Domain
import Foundation

/// A plan's rhythms and channels in words, in the reader's language ("Every Friday at 17:00", "每周五 17:00").
enum CadenceText {
    static func describe(_ cadence: Cadence, language: Language, catalogue: Catalogue) -> String {
        catalogue.text(
            "cadence.\(cadence.every.rawValue)", language, [catalogue.text("weekday.\(cadence.weekday)", language), cadence.timeText])
    }

    static func channels(_ via: [ContactChannel], language: Language, catalogue: Catalogue) -> String {
        via.map { catalogue.text("channel.\($0.rawValue)", language) }.joined(separator: language == .zhHans ? "、" : ", ")
    }

    /// Hours as people say them: "36 h" / "36 小时"; one decimal below ten.
    static func hours(_ value: Double, language: Language, catalogue: Catalogue) -> String {
        let rounded = value < 10 ? (value * 10).rounded() / 10 : value.rounded()
        let text = rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
        return catalogue.text("comms.hours", language, [text])
    }
}
