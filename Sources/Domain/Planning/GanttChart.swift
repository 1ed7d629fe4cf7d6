import Foundation

/// Renders a project plan as a Gantt chart in SVG.
///
/// Rows are grouped under milestone header rows (milestones by date, then groups named only by
/// rows, then ungrouped rows); within a group rows keep their input order. The output is
/// deterministic and mentions nothing but the rows and milestones passed in, so the caller
/// filters customer-hidden items first.
public enum GanttChart {
    /// - Parameters:
    ///   - baseline: baseline dates by item id; when non-nil each row with an entry gets a thin
    ///     baseline bar, and rows finishing later than their baseline are marked as slipped.
    public static func render(
        title: String, rows: [GanttRow], milestones: [GanttMilestone], today: LocalDate,
        calendar: WorkingCalendar, zoom: GanttZoom, labels: GanttLabels, baseline: [UUID: DateSpan]? = nil
    ) -> String {
        let layout = GanttLayout(
            rows: rows, milestones: milestones, baseline: baseline, today: today,
            zoom: zoom, ungrouped: labels.ungrouped)
        var doc = SVGDocument(reserving: 1024 + rows.count * 420)
        doc.append(GanttStyle.defs)
        doc.append("<text class=\"t\" x=\"16\" y=\"22\">\(SVGText.escape(title))</text>")
        doc.append(groupBands(layout: layout))
        doc.append(GanttAxis.render(layout: layout, zoom: zoom, calendar: calendar))
        doc.append(GanttArrows.render(rows: rows, layout: layout))
        var rowsMarkup = GanttRowsRenderer(layout: layout, labels: labels, calendar: calendar, baseline: baseline)
        rowsMarkup.render(rows: rows, milestones: milestones)
        doc.append(rowsMarkup.out)
        let width = max(GanttLayout.labelWidth + layout.chartWidth + 16, 640)
        var bottom = layout.rowsBottom
        if today.dayNumber >= layout.firstDay, today.dayNumber < layout.endDay {
            let x = SVGText.number(layout.x(today.dayNumber) + layout.pixelsPerDay / 2)
            doc.append("<line class=\"today\" x1=\"\(x)\" y1=\"48\" x2=\"\(x)\" y2=\"\(SVGText.number(bottom))\"/>")
            doc.append("<text class=\"td\" x=\"\(x)\" y=\"\(SVGText.number(bottom + 14))\">\(SVGText.escape(labels.today))</text>")
        }
        bottom += 24
        let legend = SVGLegend.render(
            legendEntries(labels: labels, withBaseline: baseline != nil),
            x: 16, y: bottom, maxWidth: width - 32)
        doc.append(legend.markup)
        return doc.finished(
            width: width, height: bottom + legend.height + 8, title: title,
            desc: description(title: title, rows: rows, labels: labels),
            idPrefix: "gantt", style: GanttStyle.css)
    }

    private static func groupBands(layout: GanttLayout) -> String {
        var bands = ""
        let width = SVGText.number(GanttLayout.labelWidth + layout.chartWidth)
        for (index, line) in layout.lines.enumerated() {
            guard case .group = line else { continue }
            bands += "M0 \(SVGText.number(layout.y(line: index)))h\(width)v22H0z"
        }
        return bands.isEmpty ? "" : "<path class=\"gh\" d=\"\(bands)\"/>"
    }

    private static func description(title: String, rows: [GanttRow], labels: GanttLabels) -> String {
        guard let first = rows.map(\.start).min(), let last = rows.map(\.finish).max() else {
            return "\(title): 0 \(labels.workItems)."
        }
        let critical = rows.filter(\.isCritical).count
        let p = ChartPunctuation.matching(labels.workItems, labels.criticalPath)
        return
            "\(title)\(p.colon)\(rows.count) \(labels.workItems)\(p.comma)\(first) – \(last)\(p.period)\(p.space)\(labels.criticalPath)\(p.colon)\(critical)\(p.period)"
    }

    private static func legendEntries(labels: GanttLabels, withBaseline: Bool) -> [LegendEntry] {
        var entries = WorkItemStatus.allCases.map { status in
            LegendEntry(
                swatch: "<g class=\"s-\(status.rawValue)\"><rect class=\"b\" width=\"14\" height=\"12\" y=\"1\"/>"
                    + "<rect class=\"p\" width=\"7\" height=\"12\" y=\"1\"/></g>", text: labels.word(for: status))
        }
        entries.append(
            LegendEntry(
                swatch: "<g class=\"crit\"><rect class=\"b\" width=\"14\" height=\"12\" y=\"1\"/></g>",
                text: labels.criticalPath))
        entries.append(LegendEntry(swatch: "<path class=\"ms\" d=\"M7 0l7 7-7 7-7-7z\"/>", text: labels.milestone))
        entries.append(LegendEntry(swatch: "<line class=\"today\" x1=\"7\" y1=\"0\" x2=\"7\" y2=\"14\"/>", text: labels.today))
        if withBaseline {
            entries.append(LegendEntry(swatch: "<rect class=\"bl\" y=\"5\" width=\"14\" height=\"4\"/>", text: labels.baseline))
            entries.append(LegendEntry(swatch: "<rect class=\"sl\" y=\"5\" width=\"14\" height=\"4\"/>", text: labels.slipped))
        }
        return entries
    }
}
