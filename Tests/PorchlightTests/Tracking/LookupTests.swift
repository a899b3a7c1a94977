import Foundation
import Testing
import VaporTesting
@testable import Porchlight

@Suite("Order lookup")
struct LookupTests {
    @Test("Order number plus email, typed loosely, lands on the private page", arguments: TestDatabase.all)
    func finds(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let store = try await t.createStore()
            let order = try await t.createOrder(store.key, number: "#1001", email: "Ada@Example.com")
            let form = try await t.send(.GET, "/maple/track")
            #expect(form.status == .ok)
            #expect(form.body.string.contains("name=\"order_number\""))
            for (number, email) in [("  1001 ", " ADA@example.COM "), ("#1001", "ada@example.com")] {
                let response = try await t.send(.POST, "/maple/track", form: "order_number=\(number)&email=\(email)")
                #expect(response.status == .seeOther)
                #expect(response.headers.first(name: .location) == t.trackingPath(order))
            }
        }
    }

    @Test("A wrong email and an unknown order get the very same answer", arguments: TestDatabase.all)
    func revealsNothing(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let store = try await t.createStore()
            _ = try await t.createOrder(store.key, number: "1001", email: "ada@example.com")
            let wrongEmail = try await t.send(.POST, "/maple/track", form: "order_number=1001&email=eve@example.com")
            let noSuchOrder = try await t.send(.POST, "/maple/track", form: "order_number=9999&email=eve@example.com")
            #expect(wrongEmail.status == .notFound)
            #expect(noSuchOrder.status == wrongEmail.status)
            // Identical apart from the echoed order number and the per-response CSP nonce.
            func normalized(_ response: TestingHTTPResponse) -> String {
                response.body.string
                    .replacingOccurrences(of: #"nonce="[^"]+""#, with: "", options: .regularExpression)
                    .replacingOccurrences(of: #"value="(1001|9999)""#, with: "", options: .regularExpression)
            }
            #expect(normalized(wrongEmail) == normalized(noSuchOrder))
            #expect(wrongEmail.headers.first(name: .location) == nil)
        }
    }

    @Test("Lookups are rate-limited per client, with Retry-After", arguments: TestDatabase.all)
    func rateLimitedPerClient(db: TestDatabase) async throws {
        try await TestHarness.run(db, lookupLimitPerIP: 3) { t in
            _ = try await t.createStore()
            for _ in 0..<3 {
                let allowed = try await t.send(.POST, "/maple/track", form: "order_number=1&email=a@b.co")
                #expect(allowed.status == .notFound)
            }
            let limited = try await t.send(.POST, "/maple/track", form: "order_number=1&email=a@b.co")
            #expect(limited.status == .tooManyRequests)
            let wait = try #require(limited.headers.first(name: .retryAfter).flatMap(Int.init))
            #expect((1...60).contains(wait))
            t.clock.advance(by: 61)
            let later = try await t.send(.POST, "/maple/track", form: "order_number=1&email=a@b.co")
            #expect(later.status == .notFound)
        }
    }

    @Test("Lookups are also capped per store, whatever the client", arguments: TestDatabase.all)
    func rateLimitedPerStore(db: TestDatabase) async throws {
        try await TestHarness.run(db, lookupLimitPerIP: 100, lookupLimitPerStore: 2) { t in
            _ = try await t.createStore()
            _ = try await t.createStore(slug: "other", name: "Other")
            for _ in 0..<2 { _ = try await t.send(.POST, "/maple/track", form: "order_number=1&email=a@b.co") }
            let limited = try await t.send(.POST, "/maple/track", form: "order_number=1&email=a@b.co")
            #expect(limited.status == .tooManyRequests)
            let otherStore = try await t.send(.POST, "/other/track", form: "order_number=1&email=a@b.co")
            #expect(otherStore.status == .notFound)
        }
    }

    @Test("An unknown store's lookup page is a plain 404", arguments: TestDatabase.all)
    func unknownStore(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let response = try await t.send(.GET, "/nobody/track")
            #expect(response.status == .notFound)
        }
    }
}
