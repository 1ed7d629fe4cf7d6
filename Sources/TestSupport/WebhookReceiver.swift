import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// A real HTTP/1.1 server on loopback for the webhook tests: it records every request (method, target, headers,
/// body) and answers from a script (`answers`, first come first served; then `200 {"errcode":0,"code":0}`).
public final class WebhookReceiver: Sendable {
    public struct Received: Sendable {
        public var method: String
        /// The request target: path and query.
        public var uri: String
        public var headers: [(String, String)]
        public var body: [UInt8]

        public func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
        public var text: String { String(decoding: body, as: UTF8.self) }
        public var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] }
    }

    public struct Answer: Sendable {
        public var status: Int
        public var body: String

        public init(status: Int, body: String = "") {
            self.status = status
            self.body = body
        }
    }

    private let state = NIOLockedValueBox<(received: [Received], answers: [Answer])>(([], []))
    private let channel: any Channel
    public let port: Int

    public var received: [Received] { state.withLockedValue { $0.received } }

    /// Queues answers for the next requests.
    public func script(_ answers: [Answer]) { state.withLockedValue { $0.answers += answers } }

    fileprivate func take(_ request: Received) -> Answer {
        state.withLockedValue { state in
            state.received.append(request)
            return state.answers.isEmpty ? Answer(status: 200, body: #"{"errcode":0,"code":0}"#) : state.answers.removeFirst()
        }
    }

    private init(channel: any Channel) {
        self.channel = channel
        port = channel.localAddress?.port ?? 0
    }

    /// Starts a receiver on 127.0.0.1 with a free port.
    public static func start() async throws -> WebhookReceiver {
        let box = NIOLockedValueBox<WebhookReceiver?>(nil)
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 16)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(ReceiverHandler(owner: { box.withLockedValue { $0 } }))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let receiver = WebhookReceiver(channel: channel)
        box.withLockedValue { $0 = receiver }
        return receiver
    }

    public func stop() async {
        try? await channel.close()
    }

    /// Waits (briefly) until `count` requests arrived.
    public func wait(for count: Int, seconds: Double = 5) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        while received.count < count, Date() < deadline { try await Task.sleep(nanoseconds: 20_000_000) }
    }
}

private final class ReceiverHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let owner: @Sendable () -> WebhookReceiver?
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []

    init(owner: @escaping @Sendable () -> WebhookReceiver?) { self.owner = owner }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body = []
        case .body(var buffer):
            body += buffer.readBytes(length: buffer.readableBytes) ?? []
        case .end:
            guard let head, let owner = owner() else { return }
            let answer = owner.take(
                WebhookReceiver.Received(method: head.method.rawValue, uri: head.uri, headers: head.headers.map { ($0.name, $0.value) }, body: body))
            var headers = HTTPHeaders()
            headers.add(name: "Content-Type", value: "application/json")
            headers.add(name: "Content-Length", value: String(answer.body.utf8.count))
            headers.add(name: "Connection", value: "close")
            context.write(
                wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: answer.status), headers: headers))),
                promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: answer.body)))), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        }
    }
}
