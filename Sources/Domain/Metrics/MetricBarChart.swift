import Foundation

/// One bar of a small figure chart: a label above a bar scaled to `max`, the value written at its end, and an optional
/// target drawn as a dashed mark.
public struct MetricBar: Sendable, Equatable {
    public enum Tone: String, Sendable {
        case good, warn, bad, neutral

        var colour: String {
            switch self {
            case .good: "#15803d"
            case .warn: "#b45309"
            case .bad: "#b91c1c"
            case .neutral: "#1d4ed8"
            }
        }
    }

    public var label: String
    public var value: Double
    public var valueText: String
    public var max: Double
    public var target: Double?
    public var tone: Tone

    public init(label: String, value: Double, valueText: String, max: Double, target: Double? = nil, tone: Tone = .neutral) {
        self.label = label
        self.value = value
        self.valueText = valueText
        self.max = max
        self.target = target
        self.tone = tone
    }
}

/// Small horizontal bar charts for figures (reports on time, reply times against the target, satisfaction): phone
/// width, labels above the bars so long Chinese or English labels never collide, colour plus a written value.
///
/// Colours and fonts are presentation attributes, not a `<style>` element: the pages' Content-Security-Policy allows
/// no inline styles, and an inline chart would otherwise draw black bars.
public enum MetricBarChart {
    static let width = 320.0
    static let rowHeight = 34.0
    static let barHeight = 10.0
    static let valueRoom = 64.0
    static let font = "font-family=\"system-ui, sans-serif\" font-size=\"12\" fill=\"#1f2937\""

    public static func svg(_ bars: [MetricBar], title: String, desc: String, idPrefix: String) -> String {
        var document = SVGDocument(reserving: 512 + bars.count * 400)
        let track = width - valueRoom
        for (index, bar) in bars.enumerated() {
            let top = Double(index) * rowHeight
            let scale = bar.max > 0 ? track / bar.max : 0
            let length = Swift.max(0, Swift.min(bar.value, bar.max)) * scale
            document.append("<text \(font) x=\"0\" y=\"\(SVGText.number(top + 12))\">\(SVGText.escape(bar.label))</text>")
            document.append(
                "<rect fill=\"#e5e7eb\" x=\"0\" y=\"\(SVGText.number(top + 17))\" width=\"\(SVGText.number(track))\" height=\"\(SVGText.number(barHeight))\" rx=\"3\"/>"
            )
            document.append(
                "<rect class=\"bar \(bar.tone.rawValue)\" fill=\"\(bar.tone.colour)\" x=\"0\" y=\"\(SVGText.number(top + 17))\" width=\"\(SVGText.number(length))\" height=\"\(SVGText.number(barHeight))\" rx=\"3\"/>"
            )
            document.append(
                "<text \(font) font-weight=\"600\" x=\"\(SVGText.number(track + 6))\" y=\"\(SVGText.number(top + 26))\">\(SVGText.escape(bar.valueText))</text>"
            )
            if let target = bar.target, bar.max > 0 {
                let x = Swift.min(target, bar.max) * scale
                document.append(
                    "<line class=\"target\" stroke=\"#111827\" stroke-width=\"2\" stroke-dasharray=\"3 2\" x1=\"\(SVGText.number(x))\" x2=\"\(SVGText.number(x))\" y1=\"\(SVGText.number(top + 14))\" y2=\"\(SVGText.number(top + 30))\"/>"
                )
            }
        }
        return document.finished(
            width: width, height: Swift.max(rowHeight, Double(bars.count) * rowHeight), title: title, desc: desc, idPrefix: idPrefix, style: "")
    }
}
