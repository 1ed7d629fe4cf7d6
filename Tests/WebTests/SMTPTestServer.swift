import Foundation
import TestSupport

@testable import Web

/// Tests/smtp/server.py (aiosmtpd) run as a subprocess on a free loopback port; it writes each message it accepts
/// to a JSON file in its own directory.
final class SMTPTestServer {
    struct Received: Decodable {
        var mail_from: String
        var rcpt_tos: [String]
        var raw: String
        var subject: String
        var from: String
        var to: String
        var content_type: String
        var header_names: [String]
        var text: String?
        var html: String?
        var tls: Bool
        var authenticated: Bool
    }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("smtp/server.py").path

    /// A Python that can import aiosmtpd (see `TestPython`).
    static let python: String? = TestPython.find(importing: ["aiosmtpd"])

    static var available: Bool { python != nil }

    let port: Int
    let directory: URL
    private let process: Process
    private let input = Pipe()

    init(mode: String, certificate: (cert: String, key: String)? = nil, user: (String, String)? = nil) throws {
        guard let python = Self.python else { throw CocoaError(.fileNoSuchFile) }
        port = try TandemProcess.freePort()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-\(UUID().uuidString)")
        process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        var arguments = [Self.script, "--port", "\(port)", "--dir", directory.path, "--mode", mode]
        if let certificate { arguments += ["--cert", certificate.cert, "--key", certificate.key] }
        if let user { arguments += ["--user", user.0, "--password", user.1] }
        process.arguments = arguments
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try ProcessLaunch.run(process)
        let deadline = Date().addingTimeInterval(20)
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("ready").path) {
            guard process.isRunning, Date() < deadline else {
                stop()
                throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "the SMTP test server did not start"])
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    deinit { stop() }

    func stop() {
        try? input.fileHandleForWriting.close()
        // Not waitUntilExit: it spins on a thread without a run loop. Closing stdin ends the server; then TERM, then KILL.
        let deadline = Date().addingTimeInterval(3)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning { process.terminate() }
        Thread.sleep(forTimeInterval: 0.05)
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: directory)
    }

    /// The messages accepted so far, in order.
    func received() throws -> [Received] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return try names.filter { $0.hasSuffix(".json") }.sorted { Int($0.dropLast(5))! < Int($1.dropLast(5))! }.map {
            try JSONDecoder().decode(Received.self, from: Data(contentsOf: directory.appendingPathComponent($0)))
        }
    }

    func configuration(security: SMTPConfiguration.Security = .none, host: String = "127.0.0.1") -> SMTPConfiguration {
        var configuration = SMTPConfiguration(host: host, port: port, security: security, from: "Tandem <tandem@example.com>")
        configuration.connectTimeout = .seconds(5)
        configuration.replyTimeout = .seconds(5)
        return configuration
    }
}

/// A test CA, a server certificate it signed (for localhost and 127.0.0.1), and a self-signed one nobody trusts;
/// made once per test run with the openssl command.
enum TestCertificates {
    struct Made {
        var caFile: String
        var trusted: (cert: String, key: String)
        var untrusted: (cert: String, key: String)
    }

    static let made: Made? = {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-certs-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let dir = directory.path
        let script = """
            set -e
            cd '\(dir)'
            printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\\nbasicConstraints=CA:FALSE\\nextendedKeyUsage=serverAuth\\n' > ext.cnf
            openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 -subj '/CN=Tandem test CA' \
              -addext 'basicConstraints=critical,CA:TRUE' -addext 'keyUsage=critical,keyCertSign'
            openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj '/CN=localhost'
            openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 2 -extfile ext.cnf
            openssl req -x509 -newkey rsa:2048 -nodes -keyout other.key -out other.pem -days 2 -subj '/CN=localhost' \
              -addext 'subjectAltName=DNS:localhost,IP:127.0.0.1'
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? ProcessLaunch.run(process)) != nil else { return nil }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return Made(
            caFile: "\(dir)/ca.pem", trusted: ("\(dir)/server.pem", "\(dir)/server.key"), untrusted: ("\(dir)/other.pem", "\(dir)/other.key"))
    }()
}
