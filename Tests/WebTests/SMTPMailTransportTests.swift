import Foundation
import TestSupport
import Testing

@testable import Web

private let noServer: Comment = "python3 with aiosmtpd not found (pip install -r Tests/smtp/requirements.txt, or set TANDEM_TEST_PYTHON)"

private func message(
    to: [String] = ["ana@example.org"], subject: String = "Hello", text: String = "Plain text", html: String? = nil,
    headers: [String: String] = [:]
) -> MailMessage {
    MailMessage(from: "Tandem <tandem@example.com>", to: to, subject: subject, text: text, html: html, headers: headers)
}

/// What `send` threw, or nil when it delivered.
private func outcome(_ transport: SMTPMailTransport, _ message: MailMessage) async -> MailError? {
    do {
        try await transport.send(message)
        return nil
    } catch {
        return error
    }
}

private func isTransient(_ error: MailError?) -> Bool {
    if case .transient = error { return true }
    return false
}

private func isPermanent(_ error: MailError?) -> Bool {
    if case .permanent = error { return true }
    return false
}

private func reason(_ error: MailError?) -> String {
    switch error {
    case .transient(let text), .permanent(let text): text
    default: ""
    }
}

@Suite("SMTP client against a real aiosmtpd server on loopback")
struct SMTPMailTransportTests {
    @Test(.enabled(if: SMTPTestServer.available, noServer))
    func aMessageArrivesOnceWithItsSubjectAndBothParts() async throws {
        let server = try SMTPTestServer(mode: "plain")
        let transport = try SMTPMailTransport(configuration: server.configuration())
        let subject = "任务「设计评审」已完成，请在本周五之前确认最终的交付范围与时间表 — Tandem"
        let sent = message(
            to: ["ana@example.org", "bo@example.net"], subject: subject, text: "你好 Ana,\nthe review is done.\n",
            html: "<p>你好 <b>Ana</b>, the review is done.</p>", headers: ["X-Tandem-Delivery": "42"])
        #expect(await outcome(transport, sent) == nil)
        let received = try server.received()
        try #require(received.count == 1)
        let mail = received[0]
        #expect(mail.subject == subject)
        #expect(mail.mail_from == "tandem@example.com")
        #expect(mail.rcpt_tos == ["ana@example.org", "bo@example.net"])
        #expect(mail.from == "Tandem <tandem@example.com>")
        #expect(mail.content_type == "multipart/alternative")
        #expect(mail.text?.replacingOccurrences(of: "\r\n", with: "\n") == "你好 Ana,\nthe review is done.\n")
        #expect(mail.html?.replacingOccurrences(of: "\r\n", with: "\n") == "<p>你好 <b>Ana</b>, the review is done.</p>")
        for name in ["Date", "Message-ID", "MIME-Version", "X-Tandem-Delivery"] { #expect(mail.header_names.contains(name)) }
        // 7-bit, CRLF only, no line over 78 characters in the headers.
        #expect(mail.raw.utf8.allSatisfy { $0 < 128 })
        #expect(!mail.raw.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let headerBlock = mail.raw.components(separatedBy: "\r\n\r\n")[0]
        #expect(headerBlock.components(separatedBy: "\r\n").allSatisfy { $0.count <= 78 })
    }

    @Test(.enabled(if: SMTPTestServer.available, noServer))
    func linesStartingWithADotSurviveDotStuffing() async throws {
        let server = try SMTPTestServer(mode: "plain")
        let transport = try SMTPMailTransport(configuration: server.configuration())
        let text = "first\n.\n..two dots\n.hidden\nlast"
        #expect(await outcome(transport, message(text: text)) == nil)
        let received = try server.received()
        try #require(received.count == 1)
        #expect(received[0].text?.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .newlines) == text)
    }

    @Test(.enabled(if: SMTPTestServer.available, noServer))
    func headerInjectionIsImpossible() async throws {
        let server = try SMTPTestServer(mode: "plain")
        let transport = try SMTPMailTransport(configuration: server.configuration())
        // A subject with line breaks is sent on one line: no Bcc header, no extra recipient.
        #expect(await outcome(transport, message(subject: "Hi\r\nBcc: eve@evil.example\r\n\r\nbody")) == nil)
        let received = try server.received()
        try #require(received.count == 1)
        #expect(!received[0].header_names.contains { $0.lowercased() == "bcc" })
        #expect(received[0].rcpt_tos == ["ana@example.org"])
        #expect(received[0].subject == "Hi Bcc: eve@evil.example body")
        // Extra headers with a line break, reserved headers and addresses with a line break are refused outright.
        for bad in [
            message(headers: ["X-Note": "a\r\nBcc: eve@evil.example"]), message(headers: ["Bcc": "eve@evil.example"]),
            message(headers: ["X-Bad Name": "x"]), message(to: ["ana@example.org>\r\nRCPT TO:<eve@evil.example"]),
            message(to: ["ana@example.org\nBcc: eve@evil.example"]), message(to: ["two@at@example.org"]), message(to: []),
        ] {
            let error = await outcome(transport, bad)
            #expect(isPermanent(error), "\(bad) gave \(String(describing: error))")
        }
        var badSender = message()
        badSender.from = "tandem@example.com\r\nBcc: eve@evil.example"
        #expect(isPermanent(await outcome(transport, badSender)))
        #expect(try server.received().count == 1)
    }

    @Test(.enabled(if: SMTPTestServer.available && TestCertificates.made != nil, noServer))
    func startTLSVerifiesTheServerAgainstTheGivenCA() async throws {
        let certificates = try #require(TestCertificates.made)
        let server = try SMTPTestServer(mode: "starttls", certificate: certificates.trusted)
        var configuration = server.configuration(security: .starttls, host: "localhost")
        configuration.caFile = certificates.caFile
        #expect(await outcome(try SMTPMailTransport(configuration: configuration), message()) == nil)
        let received = try server.received()
        try #require(received.count == 1)
        #expect(received[0].tls)

        // Without the CA the same server is not trusted: nothing is sent, and it may be retried once fixed.
        configuration.caFile = nil
        let error = await outcome(try SMTPMailTransport(configuration: configuration), message())
        #expect(isTransient(error))
        #expect(reason(error).contains("TLS"))
        #expect(try server.received().count == 1)
    }

    @Test(.enabled(if: SMTPTestServer.available && TestCertificates.made != nil, noServer))
    func startTLSRefusesACertificateFromAnotherIssuer() async throws {
        let certificates = try #require(TestCertificates.made)
        let server = try SMTPTestServer(mode: "starttls", certificate: certificates.untrusted)
        var configuration = server.configuration(security: .starttls, host: "localhost")
        configuration.caFile = certificates.caFile
        let error = await outcome(try SMTPMailTransport(configuration: configuration), message())
        #expect(isTransient(error))
        #expect(try server.received().isEmpty)
    }

    @Test(.enabled(if: SMTPTestServer.available && TestCertificates.made != nil, noServer))
    func implicitTLS() async throws {
        let certificates = try #require(TestCertificates.made)
        let server = try SMTPTestServer(mode: "tls", certificate: certificates.trusted)
        var configuration = server.configuration(security: .tls, host: "localhost")
        configuration.caFile = certificates.caFile
        #expect(await outcome(try SMTPMailTransport(configuration: configuration), message()) == nil)
        #expect(try server.received().first?.tls == true)
    }

    @Test(.enabled(if: SMTPTestServer.available, noServer))
    func plainSecurityNeverSendsInTheClearWhenStartTLSWasAsked() async throws {
        let server = try SMTPTestServer(mode: "plain")
        let error = await outcome(try SMTPMailTransport(configuration: server.configuration(security: .starttls)), message())
        #expect(isTransient(error))
        #expect(reason(error).contains("STARTTLS"))
        #expect(try server.received().isEmpty)
    }

    @Test(.enabled(if: SMTPTestServer.available, noServer))
    func authenticationWithTheRightAndTheWrongPassword() async throws {
        let server = try SMTPTestServer(mode: "auth", user: ("tandem", "s3cret-Pass"))
        var configuration = server.configuration()
        configuration.username = "tandem"
        configuration.password = "s3cret-Pass"
        #expect(await outcome(try SMTPMailTransport(configuration: configuration), message()) == nil)
        #expect(try server.received().first?.authenticated == true)

        configuration.password = "wrong-Pass-123"
        let error = await outcome(try SMTPMailTransport(configuration: configuration), message())
        #expect(isPermanent(error))
        #expect(reason(error).contains("535"))
        #expect(!reason(error).contains("wrong-Pass-123"))
        #expect(!reason(error).contains(Data("\0tandem\0wrong-Pass-123".utf8).base64EncodedString()))
        #expect(try server.received().count == 1)

        // Without credentials the server refuses the sender (530): permanent, nothing sent.
        configuration.username = nil
        configuration.password = nil
        #expect(isPermanent(await outcome(try SMTPMailTransport(configuration: configuration), message())))
        #expect(try server.received().count == 1)
    }

    @Test(.enabled(if: SMTPTestServer.available, noServer))
    func aRefusedRecipientStopsTheWholeMessage() async throws {
        let server = try SMTPTestServer(mode: "refuse")
        let transport = try SMTPMailTransport(configuration: server.configuration())
        let error = await outcome(transport, message(to: ["ana@example.org", "refused@example.org"]))
        #expect(isPermanent(error))
        #expect(reason(error).contains("refused@example.org"))
        #expect(!reason(error).contains("ana@example.org"))
        #expect(try server.received().isEmpty)
        // The same message to the accepted recipient alone goes through (each send is its own connection).
        #expect(await outcome(transport, message(to: ["ana@example.org"])) == nil)
        #expect(try server.received().count == 1)
    }

    @Test(.enabled(if: SMTPTestServer.available, noServer), arguments: ["drop-data", "drop-greet", "silent"])
    func droppedConnectionsAndSilenceAreTransient(mode: String) async throws {
        let server = try SMTPTestServer(mode: mode)
        var configuration = server.configuration()
        configuration.replyTimeout = .seconds(1)
        let started = Date()
        let error = await outcome(try SMTPMailTransport(configuration: configuration), message())
        #expect(isTransient(error), "\(mode): \(String(describing: error))")
        // The 1 s reply timeout fired, not the 60 s default: well under the default even on a loaded machine.
        #expect(Date().timeIntervalSince(started) < 30, "\(mode) waited for the default timeout")
        #expect(try server.received().isEmpty)
    }

    @Test func nobodyListeningIsTransient() async throws {
        let port = try TandemProcess.freePort()
        let error = await outcome(
            try SMTPMailTransport(configuration: SMTPConfiguration(host: "127.0.0.1", port: port, security: .none, from: "t@example.com")),
            message())
        #expect(isTransient(error))
    }
}

@Suite("MIME rendering and SMTP configuration")
struct MIMEMessageTests {
    @Test func longSubjectsAreFoldedEncodedWordsOfWholeCharacters() {
        let header = MIMEMessage.subjectHeader(String(repeating: "完成", count: 40))
        let lines = header.components(separatedBy: "\r\n")
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.count <= 78 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" =?UTF-8?B?") })
        let decoded = lines.map { line -> String in
            let word = line.split(separator: "?")[3]
            return String(decoding: Data(base64Encoded: String(word))!, as: UTF8.self)
        }.joined()
        #expect(decoded == String(repeating: "完成", count: 40))
        #expect(MIMEMessage.subjectHeader("Plain") == "Subject: Plain")
    }

    @Test func quotedPrintableKeepsLinesShortAndEncodesWhatItMust() {
        let text = String(repeating: "a=b ", count: 40) + "\nend \n中"
        let encoded = MIMEMessage.quotedPrintable(text)
        #expect(encoded.components(separatedBy: "\r\n").allSatisfy { $0.count <= 76 })
        #expect(encoded.contains("a=3Db"))
        #expect(encoded.contains("end=20\r\n"))
        #expect(encoded.hasSuffix("=E4=B8=AD"))
        #expect(MIMEMessage.dotStuffed("a\r\n.b\r\n.\r\n") == "a\r\n..b\r\n..\r\n")
    }

    @Test func smtpConfigurationFromTheEnvironment() throws {
        let base = ["TANDEM_DATA_DIR": "/tmp/x"]
        #expect(try AppConfig.fromEnvironment(base).smtp == nil)
        let starttls = try #require(
            try AppConfig.fromEnvironment(base.merging(["TANDEM_SMTP_HOST": "mail.example.com", "TANDEM_SMTP_FROM": "t@example.com"]) { $1 }).smtp)
        #expect(starttls.port == 587 && starttls.security == .starttls)
        let tls = try #require(
            try AppConfig.fromEnvironment(
                base.merging(["TANDEM_SMTP_HOST": "mail.example.com", "TANDEM_SMTP_FROM": "t@example.com", "TANDEM_SMTP_SECURITY": "tls"]) { $1 }
            ).smtp)
        #expect(tls.port == 465)
        for bad in [
            ["TANDEM_SMTP_HOST": "mail.example.com"],
            ["TANDEM_SMTP_HOST": "mail.example.com", "TANDEM_SMTP_FROM": "not an address"],
            ["TANDEM_SMTP_HOST": "mail.example.com", "TANDEM_SMTP_FROM": "t@example.com", "TANDEM_SMTP_SECURITY": "ssl"],
            ["TANDEM_SMTP_HOST": "mail.example.com", "TANDEM_SMTP_FROM": "t@example.com", "TANDEM_SMTP_PORT": "0"],
            ["TANDEM_SMTP_HOST": "mail.example.com", "TANDEM_SMTP_FROM": "t@example.com", "TANDEM_SMTP_USERNAME": "u"],
            ["TANDEM_SMTP_HOST": "mail.example.com", "TANDEM_SMTP_FROM": "t@example.com", "TANDEM_SMTP_CA_FILE": "/nonexistent.pem"],
        ] {
            #expect(throws: AppConfig.Invalid.self) { try AppConfig.fromEnvironment(base.merging(bad) { $1 }) }
        }
    }
}
