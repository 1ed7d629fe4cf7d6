import Foundation

/// How failed sign-ins slow down the next attempt, counted per address, per client and per pair of both.
///
/// A hard block per address would let anyone lock an owner out by typing wrong passwords for their
/// address; so the per-address block is skipped by a browser that signed in to that account before
/// (a known device), and the pair of address and client only ever meets growing delays, never a block.
public enum SignInThrottlePolicy {
    public static let window: TimeInterval = 15 * 60
    /// Failures for one address from any client before unknown devices are held off.
    public static let addressLimit = 5
    /// Failures from one client (any address) before it is held off, known devices excepted.
    public static let clientLimit = 20
    /// Failures of one address from one client that are free; each one after doubles the wait.
    public static let pairFreeFailures = 3
    public static let pairFirstDelay: TimeInterval = 2

    /// Failures seen inside the window, oldest first.
    public struct Failures: Sendable {
        public var address: [Date]
        public var client: [Date]
        public var pair: [Date]

        public init(address: [Date], client: [Date], pair: [Date]) {
            self.address = address
            self.client = client
            self.pair = pair
        }
    }

    /// Seconds to wait before the next attempt, or nil when it may go ahead now.
    public static func wait(_ failures: Failures, knownDevice: Bool, now: Date) -> Int? {
        var waits: [TimeInterval] = []
        if !knownDevice {
            waits.append(RollingLimit.wait(failures.address, limit: addressLimit, window: window, now: now))
            waits.append(RollingLimit.wait(failures.client, limit: clientLimit, window: window, now: now))
        }
        if let last = failures.pair.last, failures.pair.count >= pairFreeFailures {
            let doublings = min(failures.pair.count - pairFreeFailures, 20)
            let delay = min(window, pairFirstDelay * pow(2, Double(doublings)))
            waits.append(last.addingTimeInterval(delay).timeIntervalSince(now))
        }
        let longest = waits.max() ?? 0
        return longest > 0 ? max(1, Int(longest.rounded(.up))) : nil
    }
}

/// At most `limit` events in any rolling `window`.
public enum RollingLimit {
    /// Seconds until one more event fits (0 when it fits now); `times` are the events in the window, oldest first.
    public static func wait(_ times: [Date], limit: Int, window: TimeInterval, now: Date) -> TimeInterval {
        let recent = times.filter { $0 > now.addingTimeInterval(-window) }
        guard recent.count >= limit else { return 0 }
        return recent[recent.count - limit].addingTimeInterval(window).timeIntervalSince(now)
    }

    /// `wait` as a whole number of seconds for `Retry-After`, or nil when the event fits now.
    public static func retryAfter(_ times: [Date], limit: Int, window: TimeInterval, now: Date) -> Int? {
        let seconds = wait(times, limit: limit, window: window, now: now)
        return seconds > 0 ? max(1, Int(seconds.rounded(.up))) : nil
    }
}
