import Foundation
import Testing
@testable import Porchlight

@Suite struct BackoffTests {
    @Test func eachFailureRoughlyDoublesTheWait() {
        var rng = SplitMix64(seed: 7)
        for (attempt, step) in [(1, 10.0), (2, 20.0), (3, 40.0), (4, 80.0)] {
            let delay = Backoff.delay(attempt: attempt, base: 10, cap: 3_600, rng: &rng)
            #expect(delay >= step / 2 && delay <= step, "attempt \(attempt)")
        }
    }

    @Test func theWaitNeverExceedsTheCapAndNeverDropsBelowHalfOfIt() {
        var rng = SplitMix64(seed: 3)
        for attempt in [20, 64, 1_000, Int.max] {
            let delay = Backoff.delay(attempt: attempt, base: 10, cap: 600, rng: &rng)
            #expect(delay.isFinite && delay >= 300 && delay <= 600)
        }
    }

    @Test func nonsenseInputsGiveSaneWaits() {
        var rng = SplitMix64(seed: 7)
        #expect(Backoff.step(attempt: 0, base: 10, cap: 600) == 10)
        #expect(Backoff.step(attempt: Int.min, base: 10, cap: 600) == 10)
        #expect(Backoff.delay(attempt: 3, base: 0, cap: 600, rng: &rng) == 0)
        #expect(Backoff.step(attempt: Int.max, base: 1e300, cap: .infinity).isFinite)
    }

    @Test func jitterIsEqualJitter() {
        var low = PollingFixedRNG(value: 0)
        var high = PollingFixedRNG(value: .max)
        #expect(Backoff.delay(attempt: 2, base: 10, cap: 600, rng: &low) == 10)
        #expect(Backoff.delay(attempt: 2, base: 10, cap: 600, rng: &high) > 19.99)
    }
}
