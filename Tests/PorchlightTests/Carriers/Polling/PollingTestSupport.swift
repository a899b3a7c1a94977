import Foundation
@testable import Porchlight

/// SplitMix64: deterministic for a seed, so jittered answers are the same on every run.
struct PollingSeededRNG: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64 = 7) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

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
