import Foundation
import NIOConcurrencyHelpers

/// Starts child processes one at a time. Foundation's `Process.run()` on Linux crashed (a bad pointer in memcpy) when
/// two parallel tests started helpers (SMTP servers, Python checkers) at the same instant; a start takes milliseconds,
/// so serialising it costs nothing.
public enum ProcessLaunch {
    private static let lock = NIOLock()

    public static func run(_ process: Process) throws {
        try lock.withLock { try process.run() }
    }
}
