import Foundation
import Testing
import VaporTesting
@testable import Porchlight

@Suite("Integration log")
struct IntegrationLogTests {
    @Test("Each store reads only its own log, newest first, filtered and limited; entries go after 30 days",
          arguments: TestDatabase.all)
    func scopedAndPruned(_ db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            t.clock.set(ISO8601DateFormatter().date(from: "2026-11-20T12:00:00Z")!)
            let maple = try await t.createStore()
            let birch = try await t.createStore(slug: "birch", name: "Birch")
            try await t.connect("shopify", maple.key, settings: #"{"webhook_secret": "\#(TestHarness.shopifySecret)"}"#)
            let product = #"{"id": 1}"#
            for topic in ["products/create", "products/update", "products/delete"] {
                try await t.shopify(product, topic: topic)
                t.clock.advance(by: 60)
            }
            try await t.send(.POST, "/webhooks/woocommerce/maple", form: "webhook_id=3")

            let all = try await t.integrationLog(maple.key)
            #expect(all.compactMap { $0["topic"] as? String } == ["products/delete", "products/update", "products/create"])
            #expect(all.first?["provider"] as? String == "woocommerce")
            let two = try await t.integrationLog(maple.key, query: "?provider=shopify&limit=2")
            #expect(two.compactMap { $0["topic"] as? String } == ["products/delete", "products/update"])
            #expect(try await t.integrationLog(birch.key).isEmpty)
            let direct = try await t.app.integrationLog(storeID: maple.id).recent(limit: 10, provider: "shopify")
            #expect(direct.count == 3 && direct.allSatisfy { $0.outcome == .unsupportedTopic })

            #expect(try await t.send(.GET, "/api/v1/integration-log?limit=0", key: maple.key).status == .unprocessableEntity)
            #expect(try await t.send(.GET, "/api/v1/integration-log?limit=lots", key: maple.key).status == .unprocessableEntity)
            #expect(try await t.send(.GET, "/api/v1/integration-log?provider=etsy", key: maple.key).status == .unprocessableEntity)
            #expect(try await t.send(.GET, "/api/v1/integration-log").status == .unauthorized)

            t.clock.advance(by: 30 * 86_400 - 90)
            for chore in t.app.makeWorker(name: "test").settings.housekeeping { try await chore(t.app.world.now()) }
            let kept = try await t.integrationLog(maple.key)
            #expect(kept.compactMap { $0["topic"] as? String } == ["products/delete"], "older than 30 days is gone")
        }
    }

    @Test("An unknown store slug is a 404, and nothing is logged anywhere", arguments: TestDatabase.all)
    func unknownStore(_ db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let maple = try await t.createStore()
            let response = try await t.shopify(#"{"id": 1}"#, topic: "orders/create", slug: "nobody")
            #expect(response.status == .notFound && response.errorCode == "not_found")
            #expect(try await t.integrationLog(maple.key).isEmpty)
        }
    }
}
