import Foundation
import Testing
@testable import Porchlight

@Suite("Sign-in lock-out after wrong passwords")
struct LoginThrottleTests {
    static let t0 = Date(timeIntervalSince1970: 1_796_050_800)
    let policy = LoginThrottle.Policy.perAccount

    func failing(_ times: Int, from start: Date = t0, every gap: TimeInterval = 1,
                 state: LoginFailureState = LoginFailureState()) -> LoginFailureState {
        (0..<times).reduce(state) { state, index in
            policy.afterFailure(state, now: start.addingTimeInterval(Double(index) * gap))
        }
    }

    @Test("Five wrong passwords are free; the fifth starts a one-minute lock")
    func freeAttempts() {
        let four = failing(4)
        #expect(four == LoginFailureState(count: 4, lastFailureAt: Self.t0.addingTimeInterval(3), lockedUntil: nil))
        #expect(policy.decide(four, now: Self.t0.addingTimeInterval(4)) == .allowed)

        let five = policy.afterFailure(four, now: Self.t0.addingTimeInterval(4))
        let until = Self.t0.addingTimeInterval(64)
        #expect(five == LoginFailureState(count: 5, lastFailureAt: Self.t0.addingTimeInterval(4), lockedUntil: until))
        #expect(policy.decide(five, now: Self.t0.addingTimeInterval(5)) == .lockedUntil(until))
        #expect(policy.decide(five, now: until.addingTimeInterval(-0.001)) == .lockedUntil(until))
        #expect(policy.decide(five, now: until) == .allowed)
    }

    @Test("Each further failure doubles the lock, up to one hour")
    func doubling() {
        #expect((1...4).map { policy.lockDuration(afterFailures: $0) } == [nil, nil, nil, nil])
        #expect((5...13).map { policy.lockDuration(afterFailures: $0) }
            == [60, 120, 240, 480, 960, 1_920, 3_600, 3_600, 3_600])
        #expect(policy.lockDuration(afterFailures: 10_000) == 3_600)
        #expect(policy.lockDuration(afterFailures: Int.max) == 3_600)

        // Each attempt waits out the previous lock, then fails again.
        var state = failing(5)
        var now = Self.t0.addingTimeInterval(4)
        for expected in [120.0, 240, 480] {
            now = state.lockedUntil!
            #expect(policy.decide(state, now: now) == .allowed)
            state = policy.afterFailure(state, now: now)
            #expect(state.lockedUntil == now.addingTimeInterval(expected))
        }
        #expect(state.count == 8)
    }

    @Test("Failures while locked don't count, so nobody can keep a merchant locked out by hammering")
    func failuresWhileLocked() {
        let locked = failing(5)
        let hammered = (0..<50).reduce(locked) { state, second in
            policy.afterFailure(state, now: Self.t0.addingTimeInterval(10 + Double(second)))
        }
        #expect(hammered == locked)
    }

    @Test("A day of quiet forgets the failures; a success wipes them")
    func forgetting() {
        let nine = failing(9, every: 4_000)
        let lastFailure = nine.lastFailureAt!
        #expect(policy.decide(nine, now: lastFailure.addingTimeInterval(86_399)) == .allowed, "960 s lock long over")
        #expect(policy.decide(failures: 9, lastFailureAt: lastFailure, now: lastFailure.addingTimeInterval(100))
            == .lockedUntil(lastFailure.addingTimeInterval(960)))

        let nextDay = lastFailure.addingTimeInterval(86_400)
        #expect(policy.afterFailure(nine, now: nextDay) == LoginFailureState(count: 1, lastFailureAt: nextDay, lockedUntil: nil))
        #expect(policy.afterFailure(nine, now: lastFailure.addingTimeInterval(86_399)).count == 10)
        #expect(policy.afterSuccess() == LoginFailureState())
    }

    @Test("A stored lock is honoured even if the policy was loosened since")
    func storedLock() {
        let until = Self.t0.addingTimeInterval(600)
        let state = LoginFailureState(count: 1, lastFailureAt: Self.t0, lockedUntil: until)
        #expect(policy.decide(state, now: Self.t0.addingTimeInterval(599)) == .lockedUntil(until))
        #expect(policy.decide(state, now: until) == .allowed)
        #expect(policy.decide(LoginFailureState(), now: Self.t0) == .allowed)
        #expect(policy.decide(failures: 50, lastFailureAt: nil, now: Self.t0) == .allowed)
    }

    @Test("Client addresses get a bigger allowance than accounts")
    func perClientAddress() {
        let address = LoginThrottle.Policy.perClientAddress
        #expect(address.lockDuration(afterFailures: 19) == nil)
        #expect(address.lockDuration(afterFailures: 20) == 60)
    }

    @Test("Decisions combine to the stricter one and give a Retry-After")
    func decisions() {
        let soon = LoginThrottle.Decision.lockedUntil(Self.t0.addingTimeInterval(30))
        let later = LoginThrottle.Decision.lockedUntil(Self.t0.addingTimeInterval(90.2))
        #expect(LoginThrottle.Decision.allowed.combined(with: soon) == soon)
        #expect(soon.combined(with: .allowed) == soon)
        #expect(soon.combined(with: later) == later)
        #expect(later.combined(with: soon) == later)
        #expect(LoginThrottle.Decision.allowed.combined(with: .allowed).isAllowed)
        #expect(later.secondsToWait(now: Self.t0) == 91)
        #expect(soon.secondsToWait(now: Self.t0.addingTimeInterval(40)) == 0)
        #expect(LoginThrottle.Decision.allowed.secondsToWait(now: Self.t0) == 0)
    }

    @Test("The state round-trips through JSON")
    func codable() throws {
        let state = failing(6)
        let decoded = try JSONDecoder().decode(LoginFailureState.self, from: try JSONEncoder().encode(state))
        #expect(decoded == state)
    }

    @Test("Client keys: IPv4 as is, IPv6 by /64, mapped IPv4 unwrapped", arguments: [
        ("203.0.113.9", "203.0.113.9"),
        (" 203.0.113.9 ", "203.0.113.9"),
        ("2001:db8:85a3:8d3:1319:8a2e:370:7348", "2001:db8:85a3:8d3::/64"),
        ("2001:DB8:85A3:08D3::1", "2001:db8:85a3:8d3::/64"),
        ("[2001:db8::1]", "2001:db8:0:0::/64"),
        ("fe80::1%eth0", "fe80:0:0:0::/64"),
        ("::ffff:203.0.113.9", "203.0.113.9"),
        ("::1", "0:0:0:0::/64"),
        ("not an address", "not an address"),
        ("1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7:8:9"),
        ("256.1.1.1", "256.1.1.1"),
    ])
    func clientKeys(address: String, key: String) {
        #expect(LoginThrottle.clientKey(forAddress: address) == key)
    }
}
