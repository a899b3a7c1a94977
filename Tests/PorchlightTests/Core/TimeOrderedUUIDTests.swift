import Foundation
import Testing
@testable import Porchlight

@Suite("Time-ordered ids")
struct TimeOrderedUUIDTests {
    @Test("A version 7 id carries the millisecond it was made, then the random bits")
    func layout() {
        let made = Date(timeIntervalSince1970: 1_795_000_000.123)
        let id = UUID.timeOrdered(at: made, random: Array(repeating: 0xFF, count: 10))
        let bytes = withUnsafeBytes(of: id.uuid) { Array($0) }
        let milliseconds = bytes[0..<6].reduce(UInt64(0)) { ($0 << 8) | UInt64($1) }
        #expect(milliseconds == 1_795_000_000_123)
        #expect(bytes[6] >> 4 == 7)
        #expect(bytes[8] >> 6 == 0b10)
        #expect(bytes[9...].allSatisfy { $0 == 0xFF })
    }

    @Test("Ids made in later milliseconds sort later, however the random bits fall, as an index sees them")
    func ordered() {
        let start = Date(timeIntervalSince1970: 1_795_000_000)
        let ids = (0..<50).map { step in
            UUID.timeOrdered(at: start.addingTimeInterval(Double(step) * 0.01), random: Array(repeating: UInt8(255 - step), count: 10))
        }
        #expect(ids == ids.sorted())
        #expect(ids.map(\.uuidString) == ids.map(\.uuidString).sorted())
    }

    @Test("The live world makes distinct version 7 ids")
    func live() {
        let ids = (0..<1000).map { _ in World.live.uuid() }
        #expect(Set(ids).count == 1000)
        #expect(ids.allSatisfy { $0.uuidString.dropFirst(14).first == "7" })
    }
}
