/// The time axis of a Gantt chart: non-working-day shading, grid lines and tick labels.
enum GanttAxis {
    static func render(layout: GanttLayout, zoom: GanttZoom, calendar: WorkingCalendar) -> String {
        var out = ""
        let top = GanttLayout.top
        let bottom = layout.rowsBottom
        let height = SVGText.number(bottom - top)
        if zoom != .month {
            // One path of rectangles, merging consecutive non-working days.
            var shade = ""
            var day = layout.firstDay
            while day < layout.endDay {
                guard !calendar.isWorking(dayNumber: day) else {
                    day += 1
                    continue
                }
                var end = day + 1
                while end < layout.endDay, !calendar.isWorking(dayNumber: end) { end += 1 }
                let width = SVGText.number(Double(end - day) * layout.pixelsPerDay)
                shade += "M\(SVGText.number(layout.x(day))) \(SVGText.number(top))h\(width)v\(height)h-\(width)z"
                day = end
            }
            if !shade.isEmpty { out += "<path class=\"nw\" d=\"\(shade)\"/>" }
        }
        var grid = ""
        var ticks = ""
        var day = layout.firstDay
        while day < layout.endDay {
            let date = LocalDate(dayNumber: day)
            let x = layout.x(day)
            let isBoundary = zoom == .month ? date.day == 1 : date.isoWeekday == 1
            if isBoundary { grid += "M\(SVGText.number(x)) \(SVGText.number(top))V\(SVGText.number(bottom))" }
            // The first, partial month gets a label only if it leaves room before the next month's.
            let partialRoom = Double(LocalDate.daysIn(month: date.month, year: date.year) - date.day + 1) * layout.pixelsPerDay
            if date.day == 1 || (day == layout.firstDay && (zoom == .month || partialRoom >= 56)) {
                let text =
                    zoom == .month
                    ? (date.month == 1 || day == layout.firstDay ? pad(date.year, 4) : nil)
                    : "\(pad(date.year, 4))-\(pad(date.month, 2))"
                if let text { ticks += "<text class=\"ax\" x=\"\(SVGText.number(x + 2))\" y=\"44\">\(text)</text>" }
            }
            switch zoom {
            case .day:
                ticks += "<text class=\"ax c\" x=\"\(SVGText.number(x + layout.pixelsPerDay / 2))\" y=\"60\">\(date.day)</text>"
            case .week where date.isoWeekday == 1:
                ticks += "<text class=\"ax\" x=\"\(SVGText.number(x + 2))\" y=\"60\">\(pad(date.month, 2))-\(pad(date.day, 2))</text>"
            case .month where date.day == 1:
                ticks += "<text class=\"ax\" x=\"\(SVGText.number(x + 2))\" y=\"60\">\(pad(date.month, 2))</text>"
            default:
                break
            }
            day += 1
        }
        if !grid.isEmpty { out += "<path class=\"grid\" d=\"\(grid)\"/>" }
        return out + ticks
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
