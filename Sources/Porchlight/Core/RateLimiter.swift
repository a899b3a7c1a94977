import Foundation
import NIOConcurrencyHelpers

/// A fixed-window counter per key, kept in memory. It guards one process; several instances
/// each apply the limit, which still bounds guessing to a small multiple.
final class RateLimiter: Sendable {
    let limit: Int
    let window: TimeInterval
    private let state = NIOLockedValueBox<[String: (start: Date, count: Int)]>([:])

    init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// Counts one attempt; returns the seconds to wait when over the limit, nil when allowed.
    func attempt(_ key: String, now: Date) -> Int? {
        state.withLockedValue { buckets in
            if buckets.count > 50_000 { buckets = buckets.filter { now.timeIntervalSince($0.value.start) < window } }
            var bucket = buckets[key] ?? (now, 0)
            if now.timeIntervalSince(bucket.start) >= window { bucket = (now, 0) }
            bucket.count += 1
            buckets[key] = bucket
            guard bucket.count > limit else { return nil }
            return max(1, Int((window - now.timeIntervalSince(bucket.start)).rounded(.up)))
        }
    }
}
