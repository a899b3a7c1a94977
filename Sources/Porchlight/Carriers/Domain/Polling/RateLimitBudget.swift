import Foundation

/// How fast one carrier account may be called: a burst, then a steady rate.
/// A bucket lets through at most `burst + perSecond · T` calls in any span of T seconds, so a
/// quota of Q per window W holds when `burst + perSecond · W <= Q`.
struct RateLimit: Sendable, Equatable, Codable {
    var burst: Double
    var perSecond: Double

    static func perHour(_ count: Double, burst: Double) -> RateLimit {
        RateLimit(burst: burst, perSecond: count / 3_600)
    }

    static func perDay(_ count: Double, burst: Double) -> RateLimit {
        RateLimit(burst: burst, perSecond: count / 86_400)
    }

    /// Conservative defaults, deliberately under each carrier's published (or observed) limits,
    /// because other software often shares the same credentials. Raise them in configuration once
    /// the carrier has granted more.
    static let defaults: [String: RateLimit] = [
        // USPS v3 REST: 60 requests an hour per app by default. 5 + 50/h stays within 55 in any hour.
        "usps": .perHour(50, burst: 5),
        // DHL Unified Tracking free tier: 250 calls a day and at most one every 5 s.
        // A burst of 1 keeps calls ~6 minutes apart; 1 + 240/day stays within 241.
        "dhl": .perDay(240, burst: 1),
        // FedEx Track publishes 1,400 per 10 s per project; a small fraction of it is plenty.
        "fedex": RateLimit(burst: 10, perSecond: 5),
        // UPS publishes no firm number and answers 429 under load; stay gentle.
        "ups": RateLimit(burst: 5, perSecond: 2),
    ]

    /// Carriers we know nothing about.
    static let fallback = RateLimit(burst: 3, perSecond: 1)
}

/// The token-bucket arithmetic, kept apart from the actor so it can be tested with plain dates.
struct TokenBucket: Sendable, Equatable {
    var limit: RateLimit
    private(set) var tokens: Double
    private(set) var updatedAt: Date
    /// Retry times already handed to callers that were turned away. Each refusal is told a later
    /// slot, so a queue of refused jobs comes back spread out instead of all at the same instant.
    private(set) var promisedUntil: Date
    private(set) var pausedUntil: Date?

    init(limit: RateLimit, now: Date) {
        self.limit = limit
        tokens = max(limit.burst, 1)
        updatedAt = now
        promisedUntil = now
    }

    /// nil: go ahead (a token was spent). Otherwise: try again at that date (nothing was spent).
    mutating func take(now: Date) -> Date? {
        refill(now)
        if let pausedUntil, now < pausedUntil { return promise(pausedUntil) }
        pausedUntil = nil
        if tokens >= 1 {
            tokens -= 1
            return nil
        }
        let rate = max(limit.perSecond, 1e-9)
        return promise(now.addingTimeInterval((1 - tokens) / rate))
    }

    /// The carrier answered 429: nobody on this key calls before `until`, and then one call,
    /// not a full burst, because a burst straight after a 429 usually earns another one.
    mutating func pause(until: Date, now: Date) {
        refill(now)
        guard until > now else { return }
        pausedUntil = max(pausedUntil ?? until, until)
        tokens = 1
        updatedAt = max(updatedAt, until)
    }

    private mutating func refill(_ now: Date) {
        // A clock that steps backwards must not mint tokens.
        guard now > updatedAt else { return }
        tokens = min(max(limit.burst, 1), tokens + now.timeIntervalSince(updatedAt) * limit.perSecond)
        updatedAt = now
    }

    private mutating func promise(_ earliest: Date) -> Date {
        let spacing = 1 / max(limit.perSecond, 1e-9)
        let slot = max(earliest, promisedUntil.addingTimeInterval(spacing))
        promisedUntil = slot
        return slot
    }
}

/// One bucket per key, shared by every worker task in the process. Keys are a carrier code
/// ("ups") or carrier and credential ("ups:acct-123"); limits are looked up by the longest
/// configured prefix, so "ups:acct-123" gets "ups" limits unless it has its own entry.
/// Limits are per process: run several workers and each gets its own budget, so divide the limits.
actor CarrierRateLimits {
    private let limits: [String: RateLimit]
    private let fallback: RateLimit
    private var buckets: [String: TokenBucket] = [:]

    init(limits: [String: RateLimit] = RateLimit.defaults, fallback: RateLimit = RateLimit.fallback) {
        self.limits = Dictionary(limits.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { $1 })
        self.fallback = fallback
    }

    /// nil when the call may go ahead now; otherwise when to reschedule the job.
    func take(_ key: String, now: Date) -> Date? {
        var bucket = buckets[key] ?? TokenBucket(limit: limit(for: key), now: now)
        let retryAt = bucket.take(now: now)
        buckets[key] = bucket
        return retryAt
    }

    /// Honour a 429's Retry-After (see `RetryAfter`) for everyone using the same key.
    func pause(_ key: String, until: Date, now: Date) {
        var bucket = buckets[key] ?? TokenBucket(limit: limit(for: key), now: now)
        bucket.pause(until: until, now: now)
        buckets[key] = bucket
    }

    func limit(for key: String) -> RateLimit {
        let lowered = key.lowercased()
        let match = limits.keys
            .filter { lowered == $0 || lowered.hasPrefix($0 + ":") }
            .max { $0.count < $1.count }
        return match.flatMap { limits[$0] } ?? fallback
    }
}
