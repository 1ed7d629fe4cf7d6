/// Already-translated words of the burn-up chart.
public struct BurnUpLabels: Hashable, Sendable {
    public var planned: String
    public var actual: String
    public var scope: String
    /// Unit after numbers, e.g. "h" or "items"; may be empty.
    public var unit: String
    /// The value axis' title (e.g. "Hours" or "Work items") and the date axis' title; empty draws none.
    public var valueAxis: String
    public var dateAxis: String
    /// The one line drawn instead of empty axes when there is no work; empty draws the axes anyway.
    public var empty: String

    public init(planned: String, actual: String, scope: String, unit: String, valueAxis: String = "", dateAxis: String = "", empty: String = "") {
        self.planned = planned
        self.actual = actual
        self.scope = scope
        self.unit = unit
        self.valueAxis = valueAxis
        self.dateAxis = dateAxis
        self.empty = empty
    }

    public static let englishHours = BurnUpLabels(planned: "Planned", actual: "Actual", scope: "Total scope", unit: "h")
    public static let chineseHours = BurnUpLabels(planned: "计划", actual: "实际", scope: "总范围", unit: "小时")
}

/// Renders planned and actual completed work against total scope as an SVG line chart.
public enum BurnUpChart {
    static let width = 720.0, height = 380.0, left = 64.0, right = 656.0, top = 64.0, bottom = 300.0

    public static func render(title: String, series: BurnUpSeries, labels: BurnUpLabels) -> String {
        let points = series.points
        let n = SVGText.number
        if series.totalScope <= 0, !labels.empty.isEmpty {
            return emptyChart(title: title, labels: labels)
        }
        let peak = points.reduce(series.totalScope) { max($0, $1.planned, $1.actual ?? 0) }
        let tickValues = AxisTicks.values(upTo: peak)
        let yMax = tickValues.last ?? 1
        let span = Double(max(points.count - 1, 1))
        func x(_ index: Int) -> Double { left + (right - left) * Double(index) / span }
        func y(_ value: Double) -> Double { bottom - (bottom - top) * value / yMax }
        var doc = SVGDocument()
        doc.append("<text class=\"t\" x=\"16\" y=\"26\">\(SVGText.escape(title))</text>")
        var grid = ""
        var ticks = ""
        for value in tickValues {
            grid += "M\(n(left)) \(n(y(value)))H\(n(right))"
            ticks += "<text class=\"yt\" x=\"\(n(left - 6))\" y=\"\(n(y(value) + 4))\">\(n(value))</text>"
        }
        let tickCount = min(points.count, 6)
        for step in 0..<tickCount {
            let index = tickCount == 1 ? 0 : (points.count - 1) * step / (tickCount - 1)
            ticks += "<text class=\"xt\" x=\"\(n(x(index)))\" y=\"\(n(bottom + 18))\">\(points[index].date)</text>"
        }
        doc.append("<path class=\"grid\" d=\"\(grid)\"/><path class=\"axis\" d=\"M\(n(left)) \(n(top))V\(n(bottom))H\(n(right))\"/>")
        doc.append(ticks)
        if !labels.valueAxis.isEmpty {
            doc.append("<text class=\"ax\" x=\"16\" y=\"\(n(top - 14))\">\(SVGText.escape(labels.valueAxis))</text>")
        }
        if !labels.dateAxis.isEmpty {
            doc.append("<text class=\"ax xa\" x=\"\(n(right))\" y=\"\(n(bottom + 34))\">\(SVGText.escape(labels.dateAxis))</text>")
        }
        doc.append("<line class=\"scope\" x1=\"\(n(left))\" y1=\"\(n(y(series.totalScope)))\" x2=\"\(n(right))\" y2=\"\(n(y(series.totalScope)))\"/>")
        let planned = points.indices.map { "\(n(x($0))),\(n(y(points[$0].planned)))" }
        let actual = points.indices.compactMap { index in points[index].actual.map { "\(n(x(index))),\(n(y($0)))" } }
        if !planned.isEmpty { doc.append("<polyline class=\"pl\" points=\"\(planned.joined(separator: " "))\"/>") }
        if !actual.isEmpty { doc.append("<polyline class=\"ac\" points=\"\(actual.joined(separator: " "))\"/>") }
        let legend = SVGLegend.render(
            [
                LegendEntry(swatch: "<line class=\"pl\" x1=\"0\" y1=\"7\" x2=\"14\" y2=\"7\"/>", text: labels.planned),
                LegendEntry(swatch: "<line class=\"ac\" x1=\"0\" y1=\"7\" x2=\"14\" y2=\"7\"/>", text: labels.actual),
                LegendEntry(swatch: "<line class=\"scope\" x1=\"0\" y1=\"7\" x2=\"14\" y2=\"7\"/>", text: labels.scope),
            ], x: left, y: bottom + 36, maxWidth: right - left)
        doc.append(legend.markup)
        return doc.finished(
            width: width, height: max(height, bottom + 36 + legend.height + 8), title: title, desc: description(title, series, labels),
            idPrefix: "burnup", style: css)
    }

    /// Title and one line of text: a chart of nothing should say so, not show axes from 0 to 1.
    private static func emptyChart(title: String, labels: BurnUpLabels) -> String {
        var doc = SVGDocument()
        doc.append("<text class=\"t\" x=\"16\" y=\"26\">\(SVGText.escape(title))</text>")
        doc.append("<text class=\"empty\" x=\"16\" y=\"56\">\(SVGText.escape(labels.empty))</text>")
        return doc.finished(width: GanttZoom.phoneWidth, height: 72, title: title, desc: labels.empty, idPrefix: "burnup", style: css)
    }

    private static func description(_ title: String, _ series: BurnUpSeries, _ labels: BurnUpLabels) -> String {
        let unit = labels.unit.isEmpty ? "" : " \(labels.unit)"
        let p = ChartPunctuation.matching(labels.scope, labels.actual, labels.planned)
        var text = "\(title)\(p.colon)\(labels.scope) \(SVGText.number(series.totalScope))\(unit)\(p.period)"
        if let last = series.points.last(where: { $0.actual != nil }), let done = last.actual {
            text += "\(p.space)\(last.date)\(p.colon)\(labels.actual) \(SVGText.number(done))\(unit)\(p.comma)"
            text += "\(labels.planned) \(SVGText.number(last.planned))\(unit)\(p.period)"
        }
        return text
    }

    static let css = """
        text{font:12px sans-serif;fill:#333}.t{font:600 16px sans-serif;fill:#111}.yt{text-anchor:end;font-size:11px}\
        .xt{text-anchor:middle;font-size:11px}.grid{stroke:#e6e6e6;fill:none}.axis{stroke:#666;fill:none}\
        .pl{fill:none;stroke:#7b8da3;stroke-width:2;stroke-dasharray:6 4}.ac{fill:none;stroke:#2f6fdb;stroke-width:2.5}\
        .scope{stroke:#2e9e4f;stroke-width:1.5}.ax{font-size:11px;fill:#555;text-anchor:start}.xa{text-anchor:end}\
        .empty{fill:#666}
        """
}
