import Foundation
import NIOConcurrencyHelpers
import Testing
@testable import Porchlight

@Suite("Secrets")
struct SecureTokenTests {
    @Test("Tracking links draw at least 128 random bits from the injected source")
    func trackingTokenEntropy() {
        let requested = NIOLockedValueBox<[Int]>([])
        var world = World.test(clock: TestClock())
        let base = world.randomBytes
        world.randomBytes = { count in requested.withLockedValue { $0.append(count) }; return base(count) }
        let token = SecureToken.trackingToken(world: world)
        #expect(requested.withLockedValue { $0 } == [24])
        #expect(requested.withLockedValue { $0 }.reduce(0, +) * 8 >= 128)
        #expect(token.count == 32)
        #expect(SecureToken.looksLikeTrackingToken(token))
    }

    @Test("Live tokens are distinct and use the whole URL-safe alphabet")
    func liveTokensAreUnique() {
        let tokens = (0..<10_000).map { _ in SecureToken.trackingToken(world: .live) }
        #expect(Set(tokens).count == tokens.count)
        let characters = Set(tokens.joined())
        #expect(characters.count == 64)
        #expect(characters.isSubset(of: Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")))
    }

    @Test("API keys are stored only as a hash")
    func apiKeysAreHashed() {
        let key = SecureToken.apiKey(world: .live)
        let record = APIKeyRecord(id: UUID(), storeID: UUID(), name: "Default", key: key, now: .t0)
        #expect(record.keyHash != key)
        #expect(!record.keyHash.contains(key))
        #expect(record.keyHash == SecureToken.hash(key))
        #expect(record.keyPrefix.count < 16)
    }

    @Test("Constant-time comparison agrees with ==")
    func constantTimeEquality() {
        #expect(SecureToken.constantTimeEquals("abc", "abc"))
        #expect(!SecureToken.constantTimeEquals("abc", "abd"))
        #expect(!SecureToken.constantTimeEquals("abc", "abcd"))
        #expect(!SecureToken.constantTimeEquals("", "a"))
    }
}
