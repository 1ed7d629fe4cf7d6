import Foundation

/// Renders work items and milestones as a left-to-right dependency diagram in SVG, with
/// status colours and the critical path highlighted. Pass only nodes the viewer may see
/// (see `DependencyBridging` to keep links across hidden items).
public enum DependencyFlowchart {
    static let nodeWidth = 168.0, nodeHeight = 36.0, gapX = 56.0, gapY = 16.0, top = 44.0, left = 16.0

    public static func render(title: String, nodes: [FlowchartNode], labels: FlowchartLabels) -> String {
        let layout = FlowchartLayout(nodes: nodes)
        let n = SVGText.number
        func origin(_ node: Int) -> (x: Double, y: Double) {
            (left + Double(layout.layerOf[node]) * (nodeWidth + gapX), top + Double(layout.positionOf[node]) * (nodeHeight + gapY))
        }
        var doc = SVGDocument(reserving: 1024 + nodes.count * 400)
        doc.append(FlowchartStyle.defs)
        doc.append("<text class=\"t\" x=\"16\" y=\"24\">\(SVGText.escape(title))</text>")
        var edgeCount = 0
        for (index, preds) in layout.predecessors.enumerated() {
            let to = origin(index)
            for pred in preds {
                let from = origin(pred)
                let x1 = from.x + nodeWidth
                let y1 = from.y + nodeHeight / 2
                let x2 = to.x
                let y2 = to.y + nodeHeight / 2
                let critical = nodes[pred].isCritical && nodes[index].isCritical
                var d = "M\(n(x1)) \(n(y1))"
                if layout.layerOf[index] - layout.layerOf[pred] <= 1 {
                    let bend = max((x2 - x1) / 2, 24)
                    d += "C\(n(x1 + bend)) \(n(y1)) \(n(x2 - bend)) \(n(y2)) \(n(x2)) \(n(y2))"
                } else {
                    // A long edge would cross the boxes of the layers between: run it along the gap
                    // above the source row, then drop into the target in the gap column before it.
                    let lane = from.y - gapY / 2
                    let reach = gapX / 2
                    d += "C\(n(x1 + reach)) \(n(y1)) \(n(x1 + reach)) \(n(lane)) \(n(x1 + gapX)) \(n(lane))"
                    d += "H\(n(x2 - gapX))C\(n(x2 - reach)) \(n(lane)) \(n(x2 - reach)) \(n(y2)) \(n(x2)) \(n(y2))"
                }
                doc.append("<path class=\"e\(critical ? " crit" : "")\" d=\"\(d)\"/>")
                edgeCount += 1
            }
        }
        let words = labels.statuses
        for (index, node) in nodes.enumerated() {
            let (x, y) = origin(index)
            var tip = "\(node.label), \(words.word(for: node.status))"
            if node.kind == .milestone { tip = "\(words.milestone)\(ChartPunctuation.matching(words.milestone).colon)\(tip)" }
            if node.isCritical { tip += ", \(words.criticalPath)" }
            let shape =
                node.kind == .milestone
                ? "<path class=\"nb\" d=\"M\(n(x + 12)) \(n(y))H\(n(x + nodeWidth - 12))l12 18-12 18H\(n(x + 12))l-12-18z\"/>"
                : "<rect class=\"nb\" x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(nodeWidth))\" height=\"\(n(nodeHeight))\" rx=\"4\"/>"
            let fitted = SVGText.truncate(node.label, maxWidth: nodeWidth - 24, fontSize: 12)
            doc.append(
                "<g class=\"n s-\(node.status.rawValue)\(node.isCritical ? " crit" : "")\"><title>\(SVGText.escape(tip))</title>"
                    + shape + "<text x=\"\(n(x + nodeWidth / 2))\" y=\"\(n(y + 22))\">\(SVGText.escape(fitted.text))</text></g>")
        }
        let columns = max(layout.layers.count, 1)
        let tallest = layout.layers.map(\.count).max() ?? 0
        let width = max(left * 2 + Double(columns) * nodeWidth + Double(columns - 1) * gapX, 560)
        let bottom = top + Double(tallest) * (nodeHeight + gapY) + 8
        let legend = SVGLegend.render(legendEntries(words), x: 16, y: bottom, maxWidth: width - 32)
        doc.append(legend.markup)
        let critical = layout.layers.joined().filter { nodes[$0].isCritical }.map { nodes[$0].label }
        let p = ChartPunctuation.matching(words.workItems, words.criticalPath)
        var desc = "\(title)\(p.colon)\(nodes.count) \(words.workItems)\(p.comma)\(edgeCount) \(labels.dependencies)\(p.period)"
        if !critical.isEmpty { desc += "\(p.space)\(words.criticalPath)\(p.colon)\(critical.joined(separator: " → "))\(p.period)" }
        return doc.finished(
            width: width, height: bottom + legend.height + 8, title: title, desc: desc,
            idPrefix: "flow", style: FlowchartStyle.css)
    }

    private static func legendEntries(_ words: GanttLabels) -> [LegendEntry] {
        var entries = WorkItemStatus.allCases.map {
            LegendEntry(
                swatch: "<g class=\"s-\($0.rawValue)\"><rect class=\"nb\" width=\"14\" height=\"14\" rx=\"2\"/></g>",
                text: words.word(for: $0))
        }
        entries.append(
            LegendEntry(
                swatch: "<g class=\"crit\"><rect class=\"nb\" width=\"14\" height=\"14\" rx=\"2\"/></g>",
                text: words.criticalPath))
        return entries
    }
}
