import Foundation
@testable import Porchlight

/// A generator stuck on one value, to pin jitter at its extremes.
struct PollingFixedRNG: RandomNumberGenerator {
    var value: UInt64
    mutating func next() -> UInt64 { value }
}

enum PollingClock {
    /// "2026-11-24T15:00:00Z" and the like.
    static func at(_ iso: String) -> Date {
        guard let date = ISO8601DateFormatter().date(from: iso) else { fatalError("bad date \(iso)") }
        return date
    }

    static let hour: TimeInterval = 3_600
    static let day: TimeInterval = 86_400
}
