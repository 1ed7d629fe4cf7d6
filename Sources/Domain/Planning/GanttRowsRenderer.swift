import Foundation

/// Draws the label column, the bars (with progress, baseline and slip marks) and the milestone
/// diamonds of a Gantt chart.
struct GanttRowsRenderer {
    let layout: GanttLayout
    let labels: GanttLabels
    let calendar: WorkingCalendar
    let baseline: [UUID: DateSpan]?
    private(set) var out = ""

    init(layout: GanttLayout, labels: GanttLabels, calendar: WorkingCalendar, baseline: [UUID: DateSpan]?) {
        self.layout = layout
        self.labels = labels
        self.calendar = calendar
        self.baseline = baseline
    }

    mutating func render(rows: [GanttRow], milestones: [GanttMilestone]) {
        for (index, line) in layout.lines.enumerated() {
            let y = layout.y(line: index)
            switch line {
            case let .group(name, marks):
                label(name, x: 8, y: y, width: GanttLayout.labelWidth - 16, bold: true)
                for mark in marks { milestone(milestones[mark], y: y) }
            case let .item(row):
                label(rows[row].label, x: 20, y: y, width: GanttLayout.labelWidth - 28, bold: false)
                bar(rows[row], y: y)
            }
        }
    }

    private mutating func label(_ text: String, x: Double, y: Double, width: Double, bold: Bool) {
        let fitted = SVGText.truncate(text, maxWidth: width, fontSize: 12)
        out += "<text\(bold ? " class=\"g\"" : "") x=\"\(SVGText.number(x))\" y=\"\(SVGText.number(y + 15))\">"
        out += SVGText.escape(fitted.text)
        if fitted.truncated { out += "<title>\(SVGText.escape(text))</title>" }
        out += "</text>"
    }

    private mutating func bar(_ row: GanttRow, y: Double) {
        let planned = baseline?[row.id]
        let slip = planned.map { BaselineComparison.slipDays(from: $0.finish, to: row.finish, calendar: calendar) } ?? 0
        let slipped = planned.map { row.finish > $0.finish } ?? false
        let x0 = layout.x(row.start.dayNumber)
        let x1 = layout.x(max(row.finish.dayNumber, row.start.dayNumber) + 1)
        let barY = y + (planned == nil ? 5 : 3)
        let barHeight = planned == nil ? 12.0 : 11.0
        let progress = Double(min(max(row.progress, 0), 100))
        var classes = "s-\(row.status.rawValue)"
        if row.isCritical { classes += " crit" }
        if slipped { classes += " slip" }
        var tip = "\(row.label): \(row.start) – \(row.finish), \(Int(progress))%, \(labels.word(for: row.status))"
        if row.isCritical { tip += ", \(labels.criticalPath)" }
        if let planned { tip += "; \(labels.baseline): \(planned.start) – \(planned.finish)" }
        if slipped { tip += "; \(labels.slipped) +\(slip)" }
        let n = SVGText.number
        out += "<g class=\"\(classes)\"><title>\(SVGText.escape(tip))</title>"
        out += "<rect class=\"b\" x=\"\(n(x0))\" y=\"\(n(barY))\" width=\"\(n(x1 - x0))\" height=\"\(n(barHeight))\"/>"
        if progress > 0 {
            out += "<rect class=\"p\" x=\"\(n(x0))\" y=\"\(n(barY))\" width=\"\(n((x1 - x0) * progress / 100))\" height=\"\(n(barHeight))\"/>"
        }
        if let planned {
            let bx0 = layout.x(planned.start.dayNumber)
            let bx1 = layout.x(max(planned.finish.dayNumber, planned.start.dayNumber) + 1)
            out += "<rect class=\"bl\" x=\"\(n(bx0))\" y=\"\(n(y + 16))\" width=\"\(n(bx1 - bx0))\" height=\"3\"/>"
            if slipped {
                out += "<rect class=\"sl\" x=\"\(n(bx1))\" y=\"\(n(y + 16))\" width=\"\(n(x1 - bx1))\" height=\"3\"/>"
            }
        }
        out += "</g>"
    }

    private mutating func milestone(_ milestone: GanttMilestone, y: Double) {
        let x = layout.x(milestone.date.dayNumber) + layout.pixelsPerDay / 2
        var tip = "\(labels.milestone): \(milestone.name), \(milestone.date)\(milestone.isDone ? ", \(labels.done)" : "")"
        if milestone.isLate, let forecast = milestone.forecast { tip += "; \(labels.late), \(labels.forecast) \(forecast)" }
        out += "<g class=\"ms\(milestone.isDone ? " done" : "")\(milestone.isLate ? " late" : "")\"><title>"
        out += SVGText.escape(tip)
        out += "</title><path d=\"M\(SVGText.number(x)) \(SVGText.number(y + 4))l7 7-7 7-7-7z\"/>"
        if milestone.isLate {
            // A visible word, not colour alone; placed left of the diamond when it would run off the chart's end.
            let word = "⚠ \(labels.late)"
            let room = GanttLayout.labelWidth + layout.chartWidth - x
            let leftward = room < SVGText.width(word, fontSize: 11) + 14
            let textX = leftward ? x - 10 : x + 10
            out += "<text class=\"lt\(leftward ? " e" : "")\" x=\"\(SVGText.number(textX))\" y=\"\(SVGText.number(y + 15))\">"
            out += SVGText.escape(word) + "</text>"
        }
        out += "</g>"
    }
}
