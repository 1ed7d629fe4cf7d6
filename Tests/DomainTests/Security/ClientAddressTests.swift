import Foundation
import Testing
@testable import Domain

@Suite("Client address and trusted proxies")
struct ClientAddressTests {
    @Test("addresses parse to bytes; IPv4-mapped IPv6 is IPv4")
    func parsing() {
        #expect(IPAddress.parse("10.1.2.3") == [10, 1, 2, 3])
        #expect(IPAddress.parse("::ffff:10.1.2.3") == [10, 1, 2, 3])
        #expect(IPAddress.parse("::1") == Array(repeating: 0, count: 15) + [1])
        #expect(IPAddress.parse("[2001:db8::1]")?.count == 16)
        #expect(IPAddress.parse("fe80::1%eth0")?.count == 16)
        for bad in ["", "10.1.2", "10.1.2.256", "1.2.3.4.5", "::1::2", "12345::", "evil.example", "1.2.3.04x"] {
            #expect(IPAddress.parse(bad) == nil, "\(bad)")
        }
    }

    @Test("networks contain exactly their addresses")
    func networks() throws {
        let private10 = try #require(IPNetwork("10.0.0.0/8"))
        #expect(private10.contains("10.200.1.1"))
        #expect(!private10.contains("11.0.0.1"))
        let single = try #require(IPNetwork("127.0.0.1"))
        #expect(single.contains("127.0.0.1") && !single.contains("127.0.0.2"))
        let v6 = try #require(IPNetwork("fd00::/8"))
        #expect(v6.contains("fd12:3456::1") && !v6.contains("fe80::1"))
        let odd = try #require(IPNetwork("192.168.1.0/23"))
        #expect(odd.contains("192.168.0.7") && !odd.contains("192.168.2.1"))
        #expect(IPNetwork("10.0.0.0/33") == nil && IPNetwork("nonsense") == nil)
    }

    @Test("X-Forwarded-For counts only when the peer is a trusted proxy")
    func forwardedForNeedsATrustedPeer() throws {
        let trusted = [try #require(IPNetwork("10.0.0.0/8"))]
        #expect(ClientAddress.resolve(peer: "203.0.113.9", forwardedFor: ["198.51.100.1"], trusted: trusted) == "203.0.113.9")
        #expect(ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: ["198.51.100.1"], trusted: trusted) == "198.51.100.1")
        #expect(ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: [], trusted: []) == "10.0.0.2")
    }

    @Test("the client is the right-most untrusted hop; what the client wrote further left proves nothing")
    func rightMostUntrustedHop() throws {
        let trusted = [try #require(IPNetwork("10.0.0.0/8"))]
        let resolved = ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: ["1.1.1.1, 198.51.100.7, 10.0.0.5"], trusted: trusted)
        #expect(resolved == "198.51.100.7")
        let junk = ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: ["198.51.100.7, not-an-ip"], trusted: trusted)
        #expect(junk == "10.0.0.2")
    }

    @Test("IPv6 clients are throttled by their /64")
    func throttleKeys() {
        #expect(IPAddress.throttleKey("2001:db8:1:2:aaaa::1") == IPAddress.throttleKey("2001:db8:1:2:bbbb::9"))
        #expect(IPAddress.throttleKey("2001:db8:1:2::1") != IPAddress.throttleKey("2001:db8:1:3::1"))
        #expect(IPAddress.throttleKey("::ffff:198.51.100.7") == "198.51.100.7")
    }
}
