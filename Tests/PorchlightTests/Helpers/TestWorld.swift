import Foundation
import NIOConcurrencyHelpers
@testable import Porchlight

/// A clock the test moves by hand.
final class TestClock: Sendable {
    private let current: NIOLockedValueBox<Date>

    init(_ start: Date = .t0) { current = NIOLockedValueBox(start) }

    var now: Date { current.withLockedValue { $0 } }
    func advance(by seconds: TimeInterval) { current.withLockedValue { $0 += seconds } }
    func set(_ date: Date) { current.withLockedValue { $0 = date } }
}

/// Seeded random bytes that tasks running side by side can share.
final class SeededBytes: Sendable {
    private let generator: NIOLockedValueBox<SplitMix64>

    init(seed: UInt64) { generator = NIOLockedValueBox(SplitMix64(seed: seed)) }

    func next() -> UInt64 {
        generator.withLockedValue { $0.next() }
    }

    func bytes(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8(truncatingIfNeeded: next()) }
    }
}

extension World {
    static func test(clock: TestClock, seed: UInt64 = 42) -> World {
        let bytes = SeededBytes(seed: seed)
        return World(
            now: { clock.now },
            uuid: {
                let b = bytes.bytes(16)
                return UUID(uuid: (b[0], b[1], b[2], b[3], b[4], b[5], b[6] & 0x0f | 0x40, b[7],
                                   b[8] & 0x3f | 0x80, b[9], b[10], b[11], b[12], b[13], b[14], b[15]))
            },
            randomBytes: { bytes.bytes($0) },
            sleep: { try await Task.sleep(for: $0) })
    }
}

extension Date {
    /// Sunday 22 November 2026, 12:00 UTC.
    static let t0 = Date(timeIntervalSince1970: 1_795_348_800)
}
