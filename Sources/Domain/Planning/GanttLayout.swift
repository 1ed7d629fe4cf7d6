import Foundation

/// Where everything of a Gantt chart goes: the date range, the x scale and the row lines.
struct GanttLayout {
    enum Line {
        case group(name: String, milestones: [Int])
        case item(Int)
    }

    static let labelWidth = 240.0
    static let rowHeight = 22.0
    static let top = 66.0

    let firstDay: Int
    /// Exclusive.
    let endDay: Int
    let pixelsPerDay: Double
    let lines: [Line]
    /// Line index of each row, by row index.
    let lineOfRow: [Int]

    init(
        rows: [GanttRow], milestones: [GanttMilestone], baseline: [UUID: DateSpan]?, today: LocalDate,
        zoom: GanttZoom, ungrouped: String
    ) {
        var low = Int.max
        var high = Int.min
        for row in rows {
            low = min(low, row.start.dayNumber, row.finish.dayNumber)
            high = max(high, row.start.dayNumber, row.finish.dayNumber)
            if let span = baseline?[row.id] {
                low = min(low, span.start.dayNumber)
                high = max(high, span.finish.dayNumber)
            }
        }
        for milestone in milestones {
            low = min(low, milestone.date.dayNumber)
            high = max(high, milestone.date.dayNumber)
        }
        if low > high { (low, high) = (today.dayNumber, today.dayNumber + 13) }
        (firstDay, endDay) = Self.snap(low: low, high: high, zoom: zoom)
        pixelsPerDay = zoom.pixelsPerDay
        (lines, lineOfRow) = Self.group(rows: rows, milestones: milestones, ungrouped: ungrouped)
    }

    var chartWidth: Double { Double(endDay - firstDay) * pixelsPerDay }
    var rowsBottom: Double { Self.top + Double(lines.count) * Self.rowHeight }

    func x(_ dayNumber: Int) -> Double { Self.labelWidth + Double(dayNumber - firstDay) * pixelsPerDay }
    func y(line: Int) -> Double { Self.top + Double(line) * Self.rowHeight }

    /// Widens the range to whole weeks (day, week zoom) or whole months (month zoom).
    private static func snap(low: Int, high: Int, zoom: GanttZoom) -> (Int, Int) {
        switch zoom {
        case .day, .week:
            let monday = low - (LocalDate(dayNumber: low).isoWeekday - 1)
            let sunday = high + (7 - LocalDate(dayNumber: high).isoWeekday)
            return (monday, sunday + 1)
        case .month:
            let first = LocalDate(dayNumber: low)
            let last = LocalDate(dayNumber: high)
            let start = first.dayNumber - (first.day - 1)
            let end = last.dayNumber + (LocalDate.daysIn(month: last.month, year: last.year) - last.day) + 1
            return (start, end)
        }
    }

    /// Milestone groups by date, then groups named only by rows, then the ungrouped rows.
    private static func group(rows: [GanttRow], milestones: [GanttMilestone], ungrouped: String) -> ([Line], [Int]) {
        var names: [String] = []
        var milestonesByName: [String: [Int]] = [:]
        let byDate = milestones.indices.sorted {
            (milestones[$0].date, $0) < (milestones[$1].date, $1)
        }
        for index in byDate {
            let name = milestones[index].name
            if milestonesByName[name] == nil { names.append(name) }
            milestonesByName[name, default: []].append(index)
        }
        var rowsByName: [String: [Int]] = [:]
        var loose: [Int] = []
        for (index, row) in rows.enumerated() {
            guard let name = row.group else {
                loose.append(index)
                continue
            }
            if milestonesByName[name] == nil, rowsByName[name] == nil { names.append(name) }
            rowsByName[name, default: []].append(index)
        }
        var lines: [Line] = []
        var lineOfRow = [Int](repeating: 0, count: rows.count)
        func add(_ name: String, _ members: [Int], _ marks: [Int]) {
            lines.append(.group(name: name, milestones: marks))
            for row in members {
                lineOfRow[row] = lines.count
                lines.append(.item(row))
            }
        }
        for name in names { add(name, rowsByName[name] ?? [], milestonesByName[name] ?? []) }
        if !loose.isEmpty { add(ungrouped, loose, []) }
        return (lines, lineOfRow)
    }
}
