import Foundation

/// Dependency arrows of a Gantt chart: from a predecessor's bar end to its successor's bar start,
/// drawn only when both are rows of the chart.
enum GanttArrows {
    static func render(rows: [GanttRow], layout: GanttLayout) -> String {
        var rowOfID: [UUID: Int] = [:]
        rowOfID.reserveCapacity(rows.count)
        for (index, row) in rows.enumerated() where rowOfID[row.id] == nil { rowOfID[row.id] = index }
        let n = SVGText.number
        let half = GanttLayout.rowHeight / 2
        var out = ""
        for (index, row) in rows.enumerated() {
            var seen: Set<Int> = []
            for id in row.dependencies {
                guard let from = rowOfID[id], from != index, seen.insert(from).inserted else { continue }
                let pred = rows[from]
                let x1 = layout.x(max(pred.finish.dayNumber, pred.start.dayNumber) + 1)
                let y1 = layout.y(line: layout.lineOfRow[from]) + half
                let x2 = layout.x(row.start.dayNumber)
                let y2 = layout.y(line: layout.lineOfRow[index]) + half
                let critical = pred.isCritical && row.isCritical
                out += "<path class=\"dep\(critical ? " crit" : "")\" d=\"M\(n(x1)) \(n(y1))h4"
                if x2 - x1 >= 10 {
                    out += "V\(n(y2))H\(n(x2))\"/>"
                } else {
                    // Successor starts before the predecessor ends on screen: detour between rows.
                    let between = y2 > y1 ? y2 - half : y2 + half
                    out += "V\(n(between))H\(n(x2 - 6))V\(n(y2))H\(n(x2))\"/>"
                }
            }
        }
        return out
    }
}
