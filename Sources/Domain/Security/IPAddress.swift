import Foundation

/// IPv4 and IPv6 addresses as bytes, parsed by hand so Domain needs no socket library.
public enum IPAddress {
    /// 4 bytes for IPv4 (also for an IPv4-mapped IPv6 address), 16 for IPv6; nil for anything else.
    /// Brackets and a zone (`%eth0`) are dropped.
    public static func parse(_ text: String) -> [UInt8]? {
        var text = Substring(text)
        if text.hasPrefix("["), text.hasSuffix("]") { text = text.dropFirst().dropLast() }
        if let zone = text.firstIndex(of: "%") { text = text[..<zone] }
        if !text.contains(":") { return parseV4(text) }
        guard let bytes = parseV6(text) else { return nil }
        let mapped: [UInt8] = Array(repeating: 0, count: 10) + [0xFF, 0xFF]
        return Array(bytes.prefix(12)) == mapped ? Array(bytes.suffix(4)) : bytes
    }

    /// The key a throttle counts under: the IPv4 address, or the /64 network of an IPv6 address
    /// (one subscriber usually holds a whole /64, so single IPv6 addresses are free to rotate).
    public static func throttleKey(_ text: String) -> String {
        guard let bytes = parse(text) else { return text }
        if bytes.count == 4 { return bytes.map(String.init).joined(separator: ".") }
        let groups = stride(from: 0, to: 8, by: 2).map { String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16) }
        return groups.joined(separator: ":") + "::/64"
    }

    static func parseV4(_ text: Substring) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var bytes: [UInt8] = []
        for part in parts {
            guard (1...3).contains(part.count), part.allSatisfy({ $0.isASCII && $0.isNumber }), let value = UInt8(part) else { return nil }
            bytes.append(value)
        }
        return bytes
    }

    static func parseV6(_ text: Substring) -> [UInt8]? {
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String) -> [UInt8]? {
            guard !part.isEmpty else { return [] }
            var bytes: [UInt8] = []
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            for (index, piece) in pieces.enumerated() {
                if index == pieces.count - 1, piece.contains(".") {
                    guard let v4 = parseV4(piece) else { return nil }
                    bytes += v4
                } else {
                    guard (1...4).contains(piece.count), let value = UInt16(piece, radix: 16) else { return nil }
                    bytes += [UInt8(value >> 8), UInt8(value & 0xFF)]
                }
            }
            return bytes
        }
        guard let head = groups(halves[0]) else { return nil }
        if halves.count == 1 { return head.count == 16 ? head : nil }
        guard let tail = groups(halves[1]), head.count + tail.count <= 14 else { return nil }
        return head + Array(repeating: 0, count: 16 - head.count - tail.count) + tail
    }
}

/// An address or a CIDR block (`10.0.0.0/8`, `fd00::/8`, `127.0.0.1`), as `TANDEM_TRUSTED_PROXIES` lists them.
public struct IPNetwork: Sendable, Equatable {
    let bytes: [UInt8]
    let prefixBits: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let bytes = IPAddress.parse(String(parts[0])) else { return nil }
        let maxBits = bytes.count * 8
        var bits = maxBits
        if parts.count == 2 {
            guard let value = Int(parts[1]), (0...maxBits).contains(value) else { return nil }
            // An IPv4-mapped block was written in IPv6 terms: its prefix counts the 96 mapping bits.
            bits = parts[0].contains(":") && bytes.count == 4 ? max(0, value - 96) : value
        }
        self.bytes = bytes
        prefixBits = bits
    }

    public func contains(_ address: String) -> Bool {
        guard let other = IPAddress.parse(address), other.count == bytes.count else { return false }
        var remaining = prefixBits
        for (mine, theirs) in zip(bytes, other) where remaining > 0 {
            let mask: UInt8 = remaining >= 8 ? 0xFF : ~(0xFF >> UInt8(remaining))
            guard mine & mask == theirs & mask else { return false }
            remaining -= 8
        }
        return true
    }
}

/// Who the client is when Tandem runs behind reverse proxies.
public enum ClientAddress {
    /// The peer's address, or — only when the peer is a trusted proxy — the right-most address in
    /// `X-Forwarded-For` that is not itself a trusted proxy. Entries left of that were written by the
    /// client and prove nothing; a malformed entry ends the walk at the last trusted hop.
    public static func resolve(peer: String?, forwardedFor: [String], trusted: [IPNetwork]) -> String {
        guard let peer else { return "unknown" }
        func isTrusted(_ address: String) -> Bool { trusted.contains { $0.contains(address) } }
        guard isTrusted(peer) else { return peer }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        var client = peer
        for hop in hops.reversed() {
            guard IPAddress.parse(hop) != nil else { break }
            client = hop
            if !isTrusted(hop) { break }
        }
        return client
    }
}
