import AsyncHTTPClient
import Foundation

/// The real `tandem` executable as a user runs it: `swift build` puts it in `.build/debug/tandem`, and the tests that
/// need it are skipped when it is not there.
public enum TandemProcess {
    public static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/debug/tandem").path

    public static var isBuilt: Bool { FileManager.default.isExecutableFile(atPath: path) }

    /// Runs `tandem ARGUMENTS` to its end with only `environment` (and a PATH); standard output and error together.
    public static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (code: Int32, output: String) {
        let pipe = Pipe()
        let process = try start(arguments, environment: environment, output: pipe)
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Starts `tandem ARGUMENTS` and leaves it running; the caller stops it (`terminate()`).
    public static func start(_ arguments: [String], environment: [String: String], output: Pipe? = nil) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = environment.merging(["PATH": "/usr/bin:/bin"]) { own, _ in own }
        process.standardOutput = output ?? FileHandle.nullDevice
        process.standardError = output ?? FileHandle.nullDevice
        try ProcessLaunch.run(process)
        return process
    }

    /// The status of `GET http://127.0.0.1:PORT/PATH` once something answers there, trying for up to `seconds`.
    public static func firstAnswer(port: Int, path: String, seconds: Double = 60) async throws -> UInt {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            do {
                let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)"), timeout: .seconds(5))
                return response.status.code
            } catch  where Date() < deadline {
                try await Task.sleep(for: .milliseconds(200))
            }
        }
    }

    /// A loopback port nobody listens on right now (the kernel's pick for port 0).
    public static func freePort() throws -> Int {
        #if canImport(Glibc)
            let stream = Int32(SOCK_STREAM.rawValue)
        #else
            let stream = SOCK_STREAM
        #endif
        let fd = socket(AF_INET, stream, 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard bound else { throw POSIXError(.EADDRINUSE) }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
