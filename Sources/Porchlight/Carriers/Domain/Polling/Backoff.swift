import Foundation

/// How long to wait before retrying a failed carrier call.
enum Backoff {
    /// Exponential steps (`base`, 2·`base`, 4·`base`, … up to `cap`) with "equal jitter": the wait
    /// is a uniform draw between half the step and the whole step.
    /// Equal rather than full jitter because full jitter may draw almost zero and retry a carrier
    /// that just failed straight away; half a step still spreads a crowd of failures apart.
    /// This matches `JobRetryPolicy`, so carrier retries and job retries feel alike.
    /// `attempt` is 1 for the first retry; anything below 1 is treated as 1.
    static func delay(attempt: Int, base: TimeInterval, cap: TimeInterval,
                      rng: inout some RandomNumberGenerator) -> TimeInterval {
        let step = self.step(attempt: attempt, base: base, cap: cap)
        return step * (0.5 + 0.5 * rng.unitInterval())
    }

    /// The step before jitter. The exponent is clamped first, so attempt 10_000 or Int.max
    /// neither overflows nor turns into infinity (and 0 · ∞ never makes a NaN).
    static func step(attempt: Int, base: TimeInterval, cap: TimeInterval) -> TimeInterval {
        guard base > 0, cap > 0, base.isFinite else { return 0 }
        let exponent = Double(min(max(attempt, 1) - 1, 62))
        let raw = base * pow(2, exponent)
        return min(cap, raw.isFinite ? raw : .greatestFiniteMagnitude)
    }
}
