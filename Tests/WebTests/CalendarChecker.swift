import Foundation
import TestSupport

/// Tests/calendar/check_ics.py run with a Python that can import PyPI `icalendar` (found as SMTPTestServer finds its
/// Python: `TANDEM_TEST_PYTHON`, the CI's `.venv-ci`, `/tmp/venv-smtp`, then the system's).
enum CalendarChecker {
    struct Summary: Decodable {
        struct Event: Decodable {
            var uid: String
            var summary: String
            var description: String
            var start: String
            var end: String?
            var allDay: Bool
            var status: String
            var sequence: Int
            var organizer: String
            var attendees: [String]
            var attendeeNames: [String]
        }

        var ok: Bool
        var method: String?
        var name: String?
        var events: [Event]?
        var reason: String?
        var filename: String?
    }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("calendar/check_ics.py").path

    /// A Python that can import icalendar (see `TestPython`).
    static let python: String? = TestPython.find(importing: ["icalendar"])

    static var available: Bool { python != nil }

    /// The checker's verdict on `bytes` (an .ics text, or a raw e-mail with `mail`).
    static func check(_ bytes: Data, mail: Bool = false) throws -> Summary {
        guard let python else { throw CocoaError(.fileNoSuchFile) }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ics-\(UUID().uuidString)")
        try bytes.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script] + (mail ? ["--mail"] : []) + [file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try ProcessLaunch.run(process)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try JSONDecoder().decode(Summary.self, from: data)
    }
}
