import Foundation
import Testing
@testable import Domain

@Suite("Sign-in throttle policy")
struct SignInThrottlePolicyTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    private func times(_ count: Int, secondsAgo: Double = 60) -> [Date] {
        (0..<count).map { now.addingTimeInterval(-secondsAgo + Double($0)) }
    }

    @Test("a few failures wait for nothing")
    func fewFailuresAreFree() {
        let failures = SignInThrottlePolicy.Failures(address: times(2), client: times(2), pair: times(2))
        #expect(SignInThrottlePolicy.wait(failures, knownDevice: false, now: now) == nil)
    }

    @Test("an attack on an address holds off unknown browsers but not the owner's known one")
    func knownDeviceSkipsTheAddressBlock() {
        // given: 50 failures for the address from elsewhere, none from the owner's browser
        let failures = SignInThrottlePolicy.Failures(address: times(50), client: [], pair: [])
        // then
        #expect(SignInThrottlePolicy.wait(failures, knownDevice: false, now: now) != nil)
        #expect(SignInThrottlePolicy.wait(failures, knownDevice: true, now: now) == nil)
    }

    @Test("one browser's own failures meet delays that double, never a block")
    func pairDelaysGrow() {
        func wait(_ count: Int) -> Int? {
            let pair = (0..<count).map { _ in now }
            return SignInThrottlePolicy.wait(.init(address: [], client: [], pair: pair), knownDevice: true, now: now)
        }
        #expect(wait(2) == nil)
        #expect(wait(3) == 2)
        #expect(wait(4) == 4)
        #expect(wait(6) == 16)
        #expect(wait(100) == Int(SignInThrottlePolicy.window))
    }

    @Test("a client with many failures over many addresses is held off")
    func clientLimit() {
        let failures = SignInThrottlePolicy.Failures(address: [], client: times(20), pair: [])
        let wait = SignInThrottlePolicy.wait(failures, knownDevice: false, now: now)
        #expect(wait == Int(SignInThrottlePolicy.window) - 60)
    }

    @Test("a rolling limit frees a place when the oldest event leaves the window")
    func rollingLimit() {
        let events = times(5, secondsAgo: 100)
        #expect(RollingLimit.retryAfter(events, limit: 5, window: 900, now: now) == 800)
        #expect(RollingLimit.retryAfter(events, limit: 6, window: 900, now: now) == nil)
        #expect(RollingLimit.retryAfter(events, limit: 5, window: 50, now: now) == nil)
    }
}
