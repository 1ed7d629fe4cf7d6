import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// How to reach the SMTP server (`TANDEM_SMTP_*`, see README).
public struct SMTPConfiguration: Sendable, Equatable {
    public enum Security: String, Sendable, Equatable {
        /// Plain text all the way (port 25, or a relay on the same host).
        case none
        /// Plain connect, then `STARTTLS` (required: a server that does not offer it gets no mail).
        case starttls
        /// TLS from the first byte (port 465).
        case tls
    }

    public var host: String
    public var port: Int
    public var security: Security
    /// The envelope and `From:` sender: `addr@example.com` or `Name <addr@example.com>`.
    public var from: String
    public var username: String?
    public var password: String?
    /// A PEM file of CA certificates trusted in addition to the system's (self-signed or private CAs).
    public var caFile: String?
    /// The name this client gives in `EHLO`.
    public var heloName: String
    public var connectTimeout: Duration = .seconds(10)
    /// For every reply; the one after the message text too (RFC 5321 suggests minutes; one is plenty here).
    public var replyTimeout: Duration = .seconds(60)

    public init(
        host: String, port: Int? = nil, security: Security = .starttls, from: String, username: String? = nil,
        password: String? = nil, caFile: String? = nil, heloName: String = "localhost"
    ) {
        self.host = host
        self.security = security
        self.port = port ?? Self.defaultPort(security)
        self.from = from
        self.username = username
        self.password = password
        self.caFile = caFile
        self.heloName = heloName
    }

    public static func defaultPort(_ security: Security) -> Int {
        switch security {
        case .none: 25
        case .starttls: 587
        case .tls: 465
        }
    }
}

/// Sends each message over its own SMTP connection (EHLO, STARTTLS, AUTH PLAIN/LOGIN, MAIL/RCPT/DATA, QUIT).
///
/// Classification: a 4xx reply, a timeout, a refused or dropped connection and any TLS failure (the message is
/// fine; the server or the configuration is not, and may be fixed) are `transient`; a 5xx reply (including a
/// refused password) is `permanent`.
/// Recipients: all or nothing. If any `RCPT TO` is refused the transaction is reset and nothing is sent, so a retry
/// never duplicates the message for those that were accepted: transient when some refusal was 4xx, permanent
/// when all refusals were 5xx; the reason names the refused addresses.
/// A connection lost after the message text but before the server's answer counts as transient, so the message
/// may (rarely) arrive twice.
/// Reasons never contain the password (nor its base64 form).
public struct SMTPMailTransport: MailTransport {
    public let configuration: SMTPConfiguration
    private let tlsContext: NIOSSLContext?
    private let group: any EventLoopGroup

    public init(configuration: SMTPConfiguration, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) throws {
        self.configuration = configuration
        self.group = group
        if configuration.security == .none {
            tlsContext = nil
        } else {
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.minimumTLSVersion = .tlsv12
            if let caFile = configuration.caFile {
                tls.additionalTrustRoots = [.certificates(try NIOSSLCertificate.fromPEMFile(caFile))]
            }
            tlsContext = try NIOSSLContext(configuration: tls)
        }
    }

    func send(_ message: MailMessage) async throws(MailError) {
        let text: String
        do {
            text = try MIMEMessage.render(message)
        } catch {
            throw .permanent("message refused before sending: \(error.reason)")
        }
        do {
            try await deliver(envelopeFrom: try MIMEMessage.parseMailbox(message.from).address, to: message.to, data: text)
        } catch let error as MailError {
            throw redacted(error)
        } catch let error as MIMEMessage.Refused {
            throw .permanent(error.reason)
        } catch {
            throw redacted(.transient(describe(error)))
        }
    }

    private func redacted(_ error: MailError) -> MailError {
        guard let password = configuration.password, !password.isEmpty else { return error }
        func clean(_ text: String) -> String {
            var text = text
            for secret in [password, Data(password.utf8).base64EncodedString()] {
                text = text.replacingOccurrences(of: secret, with: "***")
            }
            return text
        }
        switch error {
        case .notConfigured: return error
        case .transient(let reason): return .transient(clean(reason))
        case .permanent(let reason): return .permanent(clean(reason))
        }
    }

    private func describe(_ error: any Error) -> String {
        switch error {
        case let error as SMTPConnection.Failure: error.description
        case let error as NIOSSLError: "TLS failed: \(error)"
        case let error as BoringSSLError: "TLS failed: \(error)"
        case ChannelError.connectTimeout: "no connection to \(configuration.host):\(configuration.port) within the time limit"
        case let error as IOError: "connection to \(configuration.host):\(configuration.port) failed: \(error)"
        default: "\(configuration.host):\(configuration.port): \(error)"
        }
    }

    private func deliver(envelopeFrom: String, to recipients: [String], data: String) async throws {
        let connection = try await SMTPConnection.open(configuration: configuration, tls: tlsContext, group: group)
        do {
            try await conversation(connection, envelopeFrom: envelopeFrom, to: recipients, data: data)
            connection.close()
        } catch {
            connection.close()
            throw error
        }
    }

    private func conversation(_ connection: SMTPConnection, envelopeFrom: String, to recipients: [String], data: String) async throws {
        try expect(await connection.reply(), 220, "greeting")
        var capabilities = try await hello(connection)
        if configuration.security == .starttls {
            guard capabilities.contains(where: { $0.uppercased() == "STARTTLS" }) else {
                throw MailError.transient("\(configuration.host) does not offer STARTTLS (TANDEM_SMTP_SECURITY=starttls)")
            }
            try expect(await connection.command("STARTTLS"), 220, "STARTTLS")
            try await connection.startTLS(tlsContext!, serverHostname: configuration.host)
            capabilities = try await hello(connection)
        }
        if let username = configuration.username, let password = configuration.password {
            try await authenticate(connection, username: username, password: password, capabilities: capabilities)
        }
        try expect(await connection.command("MAIL FROM:<\(envelopeFrom)>"), 250, "MAIL FROM")
        var refusals: [(String, SMTPReply)] = []
        for recipient in recipients {
            let reply = try await connection.command("RCPT TO:<\(recipient)>")
            if reply.code != 250 && reply.code != 251 { refusals.append((recipient, reply)) }
        }
        if !refusals.isEmpty {
            _ = try? await connection.command("RSET")
            let reason = "recipient refused: " + refusals.map { "\($0.0) (\($0.1))" }.joined(separator: "; ")
            if refusals.allSatisfy({ $0.1.code >= 500 }) { throw MailError.permanent(reason) }
            throw MailError.transient(reason)
        }
        try expect(await connection.command("DATA"), 354, "DATA")
        try expect(await connection.send(MIMEMessage.dotStuffed(data) + ".\r\n"), 250, "message text")
        _ = try? await connection.command("QUIT")
    }

    private func hello(_ connection: SMTPConnection) async throws -> [String] {
        let reply = try await connection.command("EHLO \(configuration.heloName)")
        if reply.code == 250 { return Array(reply.lines.dropFirst()) }
        if reply.code == 500 || reply.code == 502 {
            try expect(await connection.command("HELO \(configuration.heloName)"), 250, "HELO")
            return []
        }
        try expect(reply, 250, "EHLO")
        return []
    }

    private func authenticate(_ connection: SMTPConnection, username: String, password: String, capabilities: [String]) async throws {
        let mechanisms =
            capabilities.first { $0.uppercased().hasPrefix("AUTH") }.map {
                $0.uppercased().split(whereSeparator: { $0 == " " || $0 == "=" }).dropFirst().map(String.init)
            } ?? []
        func b64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }
        if mechanisms.contains("LOGIN") && !mechanisms.contains("PLAIN") {
            try expect(await connection.command("AUTH LOGIN"), 334, "AUTH LOGIN")
            try expect(await connection.command(b64(username)), 334, "AUTH LOGIN user name")
            try expect(await connection.command(b64(password), secret: true), 235, "authentication")
        } else {
            try expect(await connection.command("AUTH PLAIN " + b64("\0\(username)\0\(password)"), secret: true), 235, "authentication")
        }
    }

    private func expect(_ reply: SMTPReply, _ code: Int, _ stage: String) throws {
        guard reply.code != code else { return }
        let reason = "\(stage): \(configuration.host) answered \(reply)"
        if (500..<600).contains(reply.code) { throw MailError.permanent(reason) }
        throw MailError.transient(reason)
    }
}

/// One SMTP reply: its code and the text of its lines (without the code).
struct SMTPReply: Sendable, CustomStringConvertible {
    var code: Int
    var lines: [String]
    var description: String { "\(code) \(MIMEMessage.cleanForReason(lines.joined(separator: " ")))" }
}

/// A connected channel and the handler that cuts its input into replies.
struct SMTPConnection: Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let channel: any Channel
    let replyTimeout: TimeAmount
    /// Why the handler gave up, kept after the channel has closed and dropped its handlers.
    let firstFailure: FailureRecord

    static func open(configuration: SMTPConfiguration, tls: NIOSSLContext?, group: any EventLoopGroup) async throws -> SMTPConnection {
        let timeout = TimeAmount.nanoseconds(Int64(configuration.replyTimeout.components.seconds) * 1_000_000_000)
        let implicitTLS = configuration.security == .tls ? tls : nil
        let host = configuration.host
        let record = FailureRecord()
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(.nanoseconds(Int64(configuration.connectTimeout.components.seconds) * 1_000_000_000))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let implicitTLS {
                        try channel.pipeline.syncOperations.addHandler(
                            try NIOSSLClientHandler(context: implicitTLS, serverHostname: sniName(host)))
                    }
                    try channel.pipeline.syncOperations.addHandler(SMTPReplyHandler(timeout: timeout, record: record))
                }
            }
            .connect(host: configuration.host, port: configuration.port).get()
        return SMTPConnection(channel: channel, replyTimeout: timeout, firstFailure: record)
    }

    /// SNI carries names only; for an IP address the certificate is checked against the address itself.
    static func sniName(_ host: String) -> String? {
        host.allSatisfy({ $0.isNumber || $0 == "." }) || host.contains(":") ? nil : host
    }

    /// The next reply (the greeting, at first).
    func reply() async throws -> SMTPReply {
        try await exchange(nil)
    }

    /// Sends one command line and waits for its reply. `secret` keeps the line out of any error text.
    func command(_ line: String, secret: Bool = false) async throws -> SMTPReply {
        guard !line.contains("\r"), !line.contains("\n") else { throw Failure(description: "a command contained a line break") }
        return try await exchange(line + "\r\n")
    }

    /// Sends raw text (the dot-stuffed message and its final `.`) and waits for the reply.
    func send(_ text: String) async throws -> SMTPReply {
        try await exchange(text)
    }

    private func exchange(_ text: String?) async throws -> SMTPReply {
        let promise = channel.eventLoop.makePromise(of: SMTPReply.self)
        let request = SMTPRequest(bytes: text.map { ByteBuffer(string: $0) }, promise: promise)
        let record = firstFailure
        channel.writeAndFlush(request).whenFailure { promise.fail(record.value ?? $0) }
        do {
            return try await promise.futureResult.get()
        } catch {
            throw record.value ?? error
        }
    }

    /// Puts TLS under the conversation (after the server's 220 to STARTTLS); the handshake runs before the next write.
    func startTLS(_ context: NIOSSLContext, serverHostname: String) async throws {
        let channel = self.channel
        try await channel.eventLoop.submit {
            try channel.pipeline.syncOperations.handler(type: SMTPReplyHandler.self).discardBufferedInput()
            try channel.pipeline.syncOperations.addHandler(
                try NIOSSLClientHandler(context: context, serverHostname: SMTPConnection.sniName(serverHostname)), position: .first)
        }.get()
    }

    func close() {
        channel.close(promise: nil)
    }
}

final class FailureRecord: @unchecked Sendable {
    private let lock = NSLock()
    private var failure: SMTPConnection.Failure?

    var value: SMTPConnection.Failure? { lock.withLock { failure } }

    func keep(_ error: SMTPConnection.Failure) {
        lock.withLock { if failure == nil { failure = error } }
    }
}

struct SMTPRequest: Sendable {
    var bytes: ByteBuffer?
    var promise: EventLoopPromise<SMTPReply>
}

/// Cuts the server's lines into replies (`250-…` continues, `250 …` ends) and hands each to the request
/// waiting for it; fails that request when no reply comes within the timeout or the connection ends.
final class SMTPReplyHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = SMTPRequest
    typealias OutboundOut = ByteBuffer

    private let timeout: TimeAmount
    private var received = ByteBuffer()
    private var lines: [String] = []
    private var ready: [SMTPReply] = []
    private var waiter: EventLoopPromise<SMTPReply>?
    private var timer: Scheduled<Void>?
    private var failure: SMTPConnection.Failure?

    private let record: FailureRecord

    init(timeout: TimeAmount, record: FailureRecord) {
        self.timeout = timeout
        self.record = record
    }

    /// Anything the server sent before TLS starts must not be read as if it came over TLS (STARTTLS injection).
    func discardBufferedInput() {
        received.clear()
        lines = []
        ready = []
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var incoming = unwrapInboundIn(data)
        received.writeBuffer(&incoming)
        while let end = received.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) {
            let length = end - received.readerIndex + 1
            guard var line = received.readString(length: length) else { break }
            line.removeLast()
            if line.hasSuffix("\r") { line.removeLast() }
            guard line.utf8.count >= 3, let code = Int(line.prefix(3)), (200..<600).contains(code) else {
                fail(
                    context,
                    SMTPConnection.Failure(description: "the server's answer is not SMTP: \(MIMEMessage.cleanForReason(String(line.prefix(80))))"))
                return
            }
            let rest = line.dropFirst(3)
            lines.append(String(rest.dropFirst()))
            if rest.first == "-" { continue }
            let reply = SMTPReply(code: code, lines: lines)
            lines = []
            if let waiter {
                self.waiter = nil
                timer?.cancel()
                waiter.succeed(reply)
            } else {
                ready.append(reply)
            }
        }
        received.discardReadBytes()
        if received.readableBytes > 4096 { fail(context, SMTPConnection.Failure(description: "the server sent a line longer than 4096 bytes")) }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let request = unwrapOutboundIn(data)
        if let failure {
            request.promise.fail(failure)
            promise?.succeed(())
            return
        }
        if let bytes = request.bytes {
            context.writeAndFlush(wrapOutboundOut(bytes), promise: promise)
        } else {
            promise?.succeed(())
        }
        if !ready.isEmpty {
            request.promise.succeed(ready.removeFirst())
            return
        }
        waiter = request.promise
        let timeout = timeout
        timer = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) { [self] in
            fail(context, SMTPConnection.Failure(description: "no answer from the server within \(timeout.nanoseconds / 1_000_000_000) s"))
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(context, SMTPConnection.Failure(description: "the server closed the connection"))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        let description: String
        switch error {
        case let error as NIOSSLError: description = "TLS failed: \(error)"
        case let error as BoringSSLError: description = "TLS failed: \(error)"
        default: description = "connection failed: \(error)"
        }
        fail(context, SMTPConnection.Failure(description: description))
    }

    private func fail(_ context: ChannelHandlerContext, _ error: SMTPConnection.Failure) {
        if failure == nil { failure = error }
        record.keep(error)
        timer?.cancel()
        timer = nil
        if let waiter {
            self.waiter = nil
            waiter.fail(failure ?? error)
        }
        context.close(promise: nil)
    }
}
