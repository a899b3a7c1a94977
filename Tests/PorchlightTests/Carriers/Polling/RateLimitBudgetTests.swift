import Foundation
import Testing
@testable import Porchlight

@Suite struct RateLimitBudgetTests {
    let now = PollingClock.at("2026-11-24T15:00:00Z")

    @Test func aBurstGoesThroughThenCallsAreSpacedAtTheSteadyRate() {
        var bucket = TokenBucket(limit: RateLimit(burst: 3, perSecond: 0.5), now: now)
        #expect((0..<3).allSatisfy { _ in bucket.take(now: now) == nil })
        #expect(bucket.take(now: now) == now.addingTimeInterval(2))
        #expect(bucket.take(now: now.addingTimeInterval(2)) == nil)
        #expect(bucket.take(now: now.addingTimeInterval(3)) != nil)
        #expect(bucket.take(now: now.addingTimeInterval(4)) == nil)
    }

    @Test func jobsTurnedAwayTogetherAreToldStaggeredTimes() {
        var bucket = TokenBucket(limit: RateLimit(burst: 1, perSecond: 1), now: now)
        #expect(bucket.take(now: now) == nil)
        let retries = (0..<5).compactMap { _ in bucket.take(now: now) }
        #expect(retries == (1...5).map { now.addingTimeInterval(Double($0)) })
        // Each comes back at its slot and gets through.
        for retry in retries { #expect(bucket.take(now: retry) == nil) }
    }

    @Test func anIdleBucketRefillsOnlyUpToItsBurst() {
        var bucket = TokenBucket(limit: RateLimit(burst: 2, perSecond: 1), now: now)
        let later = now.addingTimeInterval(3_600)
        #expect(bucket.take(now: later) == nil)
        #expect(bucket.take(now: later) == nil)
        #expect(bucket.take(now: later) != nil)
    }

    @Test func aClockSteppingBackwardsDoesNotMintCalls() {
        var bucket = TokenBucket(limit: RateLimit(burst: 1, perSecond: 1), now: now)
        #expect(bucket.take(now: now) == nil)
        #expect(bucket.take(now: now.addingTimeInterval(-30)) != nil)
    }

    @Test func a429WithRetryAfter120HoldsEveryoneOnThatAccountFor120Seconds() async {
        let limits = CarrierRateLimits()
        #expect(await limits.take("fedex", now: now) == nil)
        let until = RetryAfter.parse("120", now: now)!
        await limits.pause("fedex", until: until, now: now)
        #expect(await limits.take("fedex", now: now.addingTimeInterval(60)) == until)
        #expect(await limits.take("fedex", now: until) == nil)
        // One call after the pause, not a full burst.
        #expect(await limits.take("fedex", now: until) != nil)
        #expect(await limits.take("ups", now: now.addingTimeInterval(60)) == nil)
    }

    @Test func theUSPSDefaultStaysUnderSixtyCallsAnHour() async {
        let limits = CarrierRateLimits()
        var allowed = 0
        for second in stride(from: 0, to: 3_600, by: 5) {
            if await limits.take("usps", now: now.addingTimeInterval(Double(second))) == nil { allowed += 1 }
        }
        #expect(allowed <= 60 && allowed >= 50)
    }

    @Test func theDHLFreeTierStaysUnder250ADayAndFiveSecondsApart() async {
        let limits = CarrierRateLimits()
        var calls: [Date] = []
        for minute in 0..<(24 * 60) {
            let at = now.addingTimeInterval(Double(minute) * 60)
            if await limits.take("dhl", now: at) == nil { calls.append(at) }
        }
        #expect(calls.count <= 250 && calls.count >= 200)
        #expect(zip(calls, calls.dropFirst()).allSatisfy { $1.timeIntervalSince($0) >= 5 })
    }

    @Test func limitsFollowTheLongestConfiguredPrefix() async {
        let limits = CarrierRateLimits(limits: ["ups": RateLimit(burst: 5, perSecond: 2),
                                                "ups:big-account": RateLimit(burst: 50, perSecond: 20)],
                                       fallback: RateLimit(burst: 1, perSecond: 1))
        #expect(await limits.limit(for: "ups") == RateLimit(burst: 5, perSecond: 2))
        #expect(await limits.limit(for: "UPS:small") == RateLimit(burst: 5, perSecond: 2))
        #expect(await limits.limit(for: "ups:big-account") == RateLimit(burst: 50, perSecond: 20))
        #expect(await limits.limit(for: "upsilon") == RateLimit(burst: 1, perSecond: 1))
        #expect(await limits.limit(for: "ontrac") == RateLimit(burst: 1, perSecond: 1))
    }

    @Test func eachCredentialHasItsOwnBudget() async {
        let limits = CarrierRateLimits(limits: ["dhl": RateLimit(burst: 1, perSecond: 0.01)])
        #expect(await limits.take("dhl:key-a", now: now) == nil)
        #expect(await limits.take("dhl:key-a", now: now) != nil)
        #expect(await limits.take("dhl:key-b", now: now) == nil)
    }
}
