import Foundation

/// Which addresses a webhook may reach: not this machine, not the private network it sits in.
public enum WebhookAddress {
    /// Why an address is refused; nil for a public one.
    public enum Block: String, Sendable, Equatable {
        case unspecified, loopback, privateNetwork, linkLocal, sharedCGNAT, multicast, reserved, unparsable
    }

    /// The class of `address` (IPv4 or IPv6 text, an IPv4-mapped IPv6 address is judged as its IPv4 address).
    public static func block(_ address: String) -> Block? {
        guard let bytes = IPAddress.parse(address) else { return .unparsable }
        return block(bytes: bytes)
    }

    public static func block(bytes: [UInt8]) -> Block? {
        if bytes.count == 4 { return blockV4(bytes) }
        guard bytes.count == 16 else { return .unparsable }
        if bytes.allSatisfy({ $0 == 0 }) { return .unspecified }
        if bytes.prefix(15).allSatisfy({ $0 == 0 }) && bytes[15] == 1 { return .loopback }
        // IPv4-compatible (::a.b.c.d, deprecated), NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address.
        if bytes.prefix(12).allSatisfy({ $0 == 0 }) { return blockV4(Array(bytes.suffix(4))) ?? .reserved }
        if bytes.prefix(12) == [0x00, 0x64, 0xFF, 0x9B, 0, 0, 0, 0, 0, 0, 0, 0] { return blockV4(Array(bytes.suffix(4))) }
        if bytes[0] == 0x20, bytes[1] == 0x02 { return blockV4(Array(bytes[2..<6])) }
        if bytes[0] & 0xFE == 0xFC { return .privateNetwork }
        if bytes[0] == 0xFE, bytes[1] & 0xC0 == 0x80 { return .linkLocal }
        if bytes[0] == 0xFE, bytes[1] & 0xC0 == 0xC0 { return .privateNetwork }  // fec0::/10, the old site-local
        if bytes[0] == 0xFF { return .multicast }
        return nil
    }

    static func blockV4(_ b: [UInt8]) -> Block? {
        switch (b[0], b[1]) {
        case (0, _): return .unspecified
        case (127, _): return .loopback
        case (10, _): return .privateNetwork
        case (172, 16...31): return .privateNetwork
        case (192, 168): return .privateNetwork
        case (169, 254): return .linkLocal
        case (100, 64...127): return .sharedCGNAT
        case (192, 0) where b[2] == 0: return .reserved  // IETF protocol assignments
        case (198, 18...19): return .reserved  // benchmarking
        case (224...239, _): return .multicast
        case (240...255, _): return .reserved
        default: return nil
        }
    }

    /// Whether a webhook may be delivered to `address`: a public address, or any when private ones are allowed
    /// (`TANDEM_WEBHOOK_ALLOW_PRIVATE`, for tests and closed networks).
    public static func allowed(_ address: String, allowPrivate: Bool) -> Bool {
        if allowPrivate { return IPAddress.parse(address) != nil }
        return block(address) == nil
    }
}

/// What a webhook URL must be: http(s) with a host; https unless private addresses are allowed (tests, closed
/// networks). The platforms' own URL shapes are not required: self-hosted Feishu/Lark and DingTalk domains exist.
public enum WebhookURL {
    public struct Parsed: Sendable, Equatable {
        public var scheme: String
        public var host: String
        public var port: Int
        public var pathAndQuery: String
    }

    public static func parse(_ text: String, allowHTTP: Bool) -> Parsed? {
        guard text.utf8.count <= 2048, !text.contains(where: { $0.isWhitespace || $0.isNewline }),
            let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            scheme == "https" || (scheme == "http" && allowHTTP),
            var host = components.host, !host.isEmpty, components.user == nil, components.password == nil
        else { return nil }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        let port = components.port ?? (scheme == "https" ? 443 : 80)
        guard (1...65535).contains(port) else { return nil }
        var path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        if let query = components.percentEncodedQuery { path += "?" + query }
        return Parsed(scheme: scheme, host: host.lowercased(), port: port, pathAndQuery: path)
    }
}
