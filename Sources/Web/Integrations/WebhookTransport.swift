import Domain
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One webhook call: a JSON POST. `url` is the full URL (with a signature's query), never logged.
struct WebhookRequest: Sendable {
    var url: String
    var headers: [(String, String)]
    var body: [UInt8]
    /// Names the integration in any reason ("wecom · qyapi.weixin.qq.com").
    var label: String
}

struct WebhookResponse: Sendable, Equatable {
    var status: Int
    var body: [UInt8]
}

/// Posts webhooks. The outbox worker depends on this only; `NIOWebhookTransport` is the live one.
/// Errors are `MailError`s (the outbox's one outcome type): `transient` for timeouts and connection failures,
/// `permanent` for what no retry can fix (a URL that leads to a refused address).
protocol WebhookTransport: Sendable {
    func post(_ request: WebhookRequest) async throws(MailError) -> WebhookResponse
}

/// Resolves names itself (getaddrinfo, off the event loops), so what is checked is what is connected to.
enum HostResolver {
    /// The IP addresses `host` resolves to (an IP literal resolves to itself).
    static func addresses(of host: String, port: Int) async throws -> [String] {
        try await socketAddresses(of: host, port: port).compactMap(\.ipAddress)
    }

    static func socketAddresses(of host: String, port: Int) async throws -> [SocketAddress] {
        try await NIOThreadPool.singleton.runIfActive { try lookUp(host, port: port) }
    }

    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    private static func lookUp(_ host: String, port: Int) throws -> [SocketAddress] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
            hints.ai_socktype = SOCK_STREAM
        #endif
        var result: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &result)
        guard status == 0, let first = result else { throw Failed(description: "the name \(host) could not be resolved") }
        defer { freeaddrinfo(first) }
        var addresses: [SocketAddress] = []
        var next: UnsafeMutablePointer<addrinfo>? = first
        while let info = next {
            if let address = info.pointee.ai_addr {
                switch info.pointee.ai_family {
                case AF_INET:
                    let v4 = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee }
                    addresses.append(SocketAddress(v4, host: host))
                case AF_INET6:
                    let v6 = address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee }
                    addresses.append(SocketAddress(v6, host: host))
                default: break
                }
            }
            next = info.pointee.ai_next
        }
        var seen = Set<String>()
        return addresses.filter { seen.insert($0.description).inserted }
    }
}

/// An HTTP/1.1 POST client on SwiftNIO (+ NIOSSL for https) that resolves the host itself, drops every address the
/// guard refuses, connects to a checked address (and checks the connected peer again: DNS rebinding), and sends
/// SNI and `Host` with the name. One connection per call, `Connection: close`.
struct NIOWebhookTransport: WebhookTransport {
    let allowPrivate: Bool
    var connectTimeout: TimeAmount = .seconds(10)
    /// For the whole exchange after connecting.
    var responseTimeout: TimeAmount = .seconds(30)
    var maxResponseBytes = 64 * 1024
    private let tls: NIOSSLContext?
    private let group: any EventLoopGroup

    init(allowPrivate: Bool, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.allowPrivate = allowPrivate
        self.group = group
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        tls = try? NIOSSLContext(configuration: configuration)
    }

    func post(_ request: WebhookRequest) async throws(MailError) -> WebhookResponse {
        guard let url = WebhookURL.parse(request.url, allowHTTP: true) else {
            throw .permanent("\(request.label): the stored URL is not usable")
        }
        guard url.scheme == "https" || allowPrivate else {
            throw .permanent("\(request.label): plain http is refused unless private addresses are allowed (TANDEM_WEBHOOK_ALLOW_PRIVATE)")
        }
        let candidates: [SocketAddress]
        do {
            candidates = try await HostResolver.socketAddresses(of: url.host, port: url.port)
        } catch {
            throw .transient("\(request.label): the name could not be resolved")
        }
        let allowed = candidates.filter { $0.ipAddress.map { WebhookAddress.allowed($0, allowPrivate: allowPrivate) } ?? false }
        guard !allowed.isEmpty else {
            throw .permanent("\(request.label): the name leads to a loopback, private or link-local address (TANDEM_WEBHOOK_ALLOW_PRIVATE)")
        }
        var lastFailure = "no address could be reached"
        for address in allowed {
            let channel: any Channel
            do {
                channel = try await connect(to: address, url: url)
            } catch {
                lastFailure = describe(error)
                continue
            }
            guard let peer = channel.remoteAddress?.ipAddress, WebhookAddress.allowed(peer, allowPrivate: allowPrivate) else {
                channel.close(promise: nil)
                throw .permanent("\(request.label): the connection led to a refused address")
            }
            do {
                return try await exchange(on: channel, url: url, request: request)
            } catch let error as MailError {
                throw error
            } catch {
                throw .transient("\(request.label): \(describe(error))")
            }
        }
        throw .transient("\(request.label): \(lastFailure)")
    }

    private func connect(to address: SocketAddress, url: WebhookURL.Parsed) async throws -> any Channel {
        let tls = url.scheme == "https" ? self.tls : nil
        if url.scheme == "https", tls == nil { throw HostResolver.Failed(description: "TLS is not available") }
        let serverName = IPAddress.parse(url.host) == nil ? url.host : nil
        let limit = maxResponseBytes
        return try await ClientBootstrap(group: group)
            .connectTimeout(connectTimeout)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls {
                        try channel.pipeline.syncOperations.addHandler(try NIOSSLClientHandler(context: tls, serverHostname: serverName))
                    }
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(
                        WebhookResponseHandler(limit: limit, promise: channel.eventLoop.makePromise(of: WebhookResponse.self)))
                }
            }
            .connect(to: address).get()
    }

    private func exchange(on channel: any Channel, url: WebhookURL.Parsed, request: WebhookRequest) async throws -> WebhookResponse {
        let handler = try await channel.pipeline.handler(type: WebhookResponseHandler.self).get()
        let timeout = responseTimeout
        let label = request.label
        let timer = channel.eventLoop.scheduleTask(in: timeout) {
            handler.finish(.failure(MailError.transient("\(label): no answer within \(timeout.nanoseconds / 1_000_000_000) s")))
            channel.close(promise: nil)
        }
        defer {
            timer.cancel()
            channel.close(promise: nil)
        }
        var headers = HTTPHeaders()
        let defaultPort = url.scheme == "https" ? 443 : 80
        headers.add(name: "Host", value: url.port == defaultPort ? url.host.hostHeader : "\(url.host.hostHeader):\(url.port)")
        headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        headers.add(name: "Content-Length", value: String(request.body.count))
        headers.add(name: "User-Agent", value: "Tandem")
        headers.add(name: "Connection", value: "close")
        for (name, value) in request.headers { headers.add(name: name, value: value) }
        let head = HTTPRequestHead(version: .http1_1, method: .POST, uri: url.pathAndQuery, headers: headers)
        channel.write(HTTPClientRequestPart.head(head), promise: nil)
        channel.write(HTTPClientRequestPart.body(.byteBuffer(ByteBuffer(bytes: request.body))), promise: nil)
        try await channel.writeAndFlush(HTTPClientRequestPart.end(nil)).get()
        return try await handler.promise.futureResult.get()
    }

    private func describe(_ error: any Error) -> String {
        switch error {
        case let error as MailError: "\(error)"
        case let error as HostResolver.Failed: error.description
        case let error as NIOSSLError: "TLS failed: \(error)"
        case let error as BoringSSLError: "TLS failed: \(error)"
        case ChannelError.connectTimeout: "no connection within the time limit"
        case let error as IOError: "connection failed: \(error.description)"
        case let error as WebhookResponseHandler.Failure: error.description
        default: "\(error)"
        }
    }
}

extension String {
    /// An IPv6 literal goes into `Host` in brackets.
    fileprivate var hostHeader: String { contains(":") ? "[\(self)]" : self }
}

/// Collects the answer's status and (bounded) body into `promise`, which is completed exactly once: by the
/// answer, a failure, the time limit, or the connection's end (whichever comes first).
final class WebhookResponseHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPClientResponsePart

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let promise: EventLoopPromise<WebhookResponse>
    private var done = false
    private let limit: Int
    private var status: Int?
    private var body: [UInt8] = []

    init(limit: Int, promise: EventLoopPromise<WebhookResponse>) {
        self.limit = limit
        self.promise = promise
    }

    /// On the channel's event loop only.
    func finish(_ result: Result<WebhookResponse, any Error>) {
        guard !done else { return }
        done = true
        promise.completeWith(result)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            status = Int(head.status.code)
        case .body(var buffer):
            let room = max(limit - body.count, 0)
            if let bytes = buffer.readBytes(length: min(room, buffer.readableBytes)) { body += bytes }
        case .end:
            if let status { finish(.success(WebhookResponse(status: status, body: body))) }
            context.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        finish(.failure(Failure(description: "the server closed the connection before answering")))
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        finish(.failure(Failure(description: "the connection ended before an answer")))
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        let description: String
        switch error {
        case let error as NIOSSLError: description = "TLS failed: \(error)"
        case let error as BoringSSLError: description = "TLS failed: \(error)"
        default: description = "the connection failed: \(error)"
        }
        finish(.failure(Failure(description: description)))
        context.close(promise: nil)
    }
}
