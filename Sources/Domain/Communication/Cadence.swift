import Foundation

/// A rhythm agreed with the customer: every week, every two weeks or every month, on an ISO weekday (1 = Monday),
/// at a time of day in the project's time zone. "Every month on Monday" means the first Monday of each month.
public struct Cadence: Sendable, Equatable {
    public enum Every: String, CaseIterable, Sendable {
        case week
        case twoWeeks = "2weeks"
        case month
    }

    public var every: Every
    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int
    public var hour: Int
    public var minute: Int

    public init(every: Every, weekday: Int, hour: Int, minute: Int) {
        self.every = every
        self.weekday = weekday
        self.hour = hour
        self.minute = minute
    }

    /// "HH:MM", as the API and the forms write it.
    public var timeText: String { String(format: "%02d:%02d", hour, minute) }

    /// Roughly how long one period lasts (a month counts 30 days); for windows, never for due dates.
    public var nominalPeriod: TimeInterval {
        switch every {
        case .week: 7 * 86_400
        case .twoWeeks: 14 * 86_400
        case .month: 30 * 86_400
        }
    }

    /// Parses "HH:MM" (00:00–23:59, two digits each); nil for anything else.
    public static func time(_ text: String) -> (hour: Int, minute: Int)? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let hour = Int(parts[0]), let minute = Int(parts[1]), (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        return (hour, minute)
    }
}
