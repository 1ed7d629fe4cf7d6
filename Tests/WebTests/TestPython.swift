import Foundation
import TestSupport

/// The Python the tests' helpers run with (the SMTP server, the calendar checker): the first that can import the
/// modules asked for, from `TANDEM_TEST_PYTHON`, the CI's `.venv-ci`, `/tmp/venv-smtp`, `/tmp/venv-ci`, then the
/// system's and the `PATH`'s.
enum TestPython {
    static func find(importing modules: [String]) -> String? {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var candidates = [
            repo.appendingPathComponent(".venv-ci/bin/python").path, "/tmp/venv-smtp/bin/python", "/tmp/venv-ci/bin/python",
            "/usr/bin/python3", "/usr/local/bin/python3",
        ]
        if let own = ProcessInfo.processInfo.environment["TANDEM_TEST_PYTHON"] { candidates.insert(own, at: 0) }
        for path in ProcessInfo.processInfo.environment["PATH", default: ""].split(separator: ":") {
            candidates.append("\(path)/python3")
        }
        return candidates.first { path in
            guard FileManager.default.isExecutableFile(atPath: path) else { return false }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = ["-c", modules.map { "import \($0)" }.joined(separator: "; ")]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            guard (try? ProcessLaunch.run(process)) != nil else { return false }
            process.waitUntilExit()
            return process.terminationStatus == 0
        }
    }
}
