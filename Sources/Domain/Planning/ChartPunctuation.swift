import Foundation

/// The punctuation of a chart's sentences (descriptions, tooltips), chosen from the words it was given:
/// Chinese words get full-width marks without spaces (“范围：12 小时。”), others the ASCII ones (“Scope: 12 h.”).
struct ChartPunctuation: Equatable {
    let colon: String
    let comma: String
    let period: String
    /// Between two sentences.
    let space: String

    static let ascii = ChartPunctuation(colon: ": ", comma: ", ", period: ".", space: " ")
    static let chinese = ChartPunctuation(colon: "：", comma: "，", period: "。", space: "")

    /// Chinese when any of `words` holds a CJK ideograph.
    static func matching(_ words: String...) -> ChartPunctuation {
        let cjk = words.contains { $0.unicodeScalars.contains { (0x3400...0x4DBF).contains($0.value) || (0x4E00...0x9FFF).contains($0.value) } }
        return cjk ? .chinese : .ascii
    }
}
