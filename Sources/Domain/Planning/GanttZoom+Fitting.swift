import Foundation

extension GanttZoom {
    /// Width a phone leaves a chart (390 px less the page's margins).
    public static let phoneWidth = 358.0

    /// The most detailed scale at which a plan of `days` calendar days fits in `width` pixels of timeline,
    /// else months: a long plan opens whole (or nearly whole) instead of as its first few weeks.
    public static func fitting(days: Int, width: Double) -> GanttZoom {
        let span = Double(max(days, 1))
        return [GanttZoom.day, .week].first { span * $0.pixelsPerDay <= width } ?? .month
    }
}
