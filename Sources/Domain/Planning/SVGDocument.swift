/// The shared frame of every chart: root element with accessibility attributes, `<title>`,
/// `<desc>` and one `<style>` element, plus a flowing legend.
struct SVGDocument {
    private(set) var body = ""

    init(reserving capacity: Int = 4096) {
        body.reserveCapacity(capacity)
    }

    mutating func append(_ markup: String) { body += markup }

    /// Wraps `body` in the root element. `idPrefix` keeps element ids unique per chart kind.
    func finished(width: Double, height: Double, title: String, desc: String, idPrefix: String, style: String) -> String {
        let w = SVGText.number(width)
        let h = SVGText.number(height)
        var out = ""
        out.reserveCapacity(body.utf8.count + style.utf8.count + 512)
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\""
        out += " role=\"img\" aria-labelledby=\"\(idPrefix)-title \(idPrefix)-desc\">"
        out += "<title id=\"\(idPrefix)-title\">\(SVGText.escape(title))</title>"
        out += "<desc id=\"\(idPrefix)-desc\">\(SVGText.escape(desc))</desc>"
        out += "<style>\(style)</style>"
        out += body
        out += "</svg>\n"
        return out
    }
}

/// One legend entry: a swatch (markup drawn in a 14×14 box at the origin) and its text.
struct LegendEntry {
    let swatch: String
    let text: String
}

enum SVGLegend {
    /// Legend markup laid out left to right from (`x`, `y`) in rows no wider than `maxWidth` nor a phone's
    /// width, so on a phone the whole legend is on the first screen even when the chart scrolls sideways;
    /// returns the markup and the height used.
    static func render(_ entries: [LegendEntry], x: Double, y: Double, maxWidth: Double) -> (markup: String, height: Double) {
        let maxWidth = min(maxWidth, GanttZoom.phoneWidth)
        var markup = "<g class=\"lg\">"
        var cursorX = x
        var cursorY = y
        for entry in entries {
            let width = 20 + SVGText.width(entry.text, fontSize: 12) + 16
            if cursorX > x, cursorX + width > x + maxWidth {
                cursorX = x
                cursorY += 20
            }
            let tx = SVGText.number(cursorX)
            let ty = SVGText.number(cursorY)
            markup += "<g transform=\"translate(\(tx),\(ty))\">\(entry.swatch)"
            markup += "<text x=\"20\" y=\"11\">\(SVGText.escape(entry.text))</text></g>"
            cursorX += width
        }
        markup += "</g>"
        return (markup, cursorY - y + 20)
    }
}
