import Foundation

/// Everything the app takes from outside itself: time, identifiers and randomness.
/// Tests replace it so the clock and the dice are theirs.
struct World: Sendable {
    var now: @Sendable () -> Date
    var uuid: @Sendable () -> UUID
    var randomBytes: @Sendable (Int) -> [UInt8]
    var sleep: @Sendable (Duration) async throws -> Void

    static let live = World(
        now: { Date() },
        uuid: { UUID.timeOrdered(at: Date(), random: systemRandomBytes(10)) },
        randomBytes: systemRandomBytes,
        sleep: { try await Task.sleep(for: $0) }
    )

    /// Eight bytes per draw: each draw is a system call, and every new row's id takes ten bytes.
    private static func systemRandomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count + 7)
        while bytes.count < count {
            withUnsafeBytes(of: generator.next()) { bytes.append(contentsOf: $0) }
        }
        return Array(bytes.prefix(count))
    }

    /// A generator drawn from the injected randomness, for simulations and jitter.
    var randomNumberGenerator: WorldRandomNumberGenerator { WorldRandomNumberGenerator(world: self) }
}

struct WorldRandomNumberGenerator: RandomNumberGenerator {
    let world: World

    mutating func next() -> UInt64 {
        world.randomBytes(8).reduce(0) { ($0 << 8) | UInt64($1) }
    }
}

extension RandomNumberGenerator {
    /// A uniform draw in [0, 1) from this generator (53 bits of it).
    mutating func unitInterval() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform whole number in the range, from this generator.
    mutating func integer(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(unitInterval() * Double(range.count))
    }
}
