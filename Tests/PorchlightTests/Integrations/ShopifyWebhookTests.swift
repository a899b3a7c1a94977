import Foundation
import Testing
import Vapor
import VaporTesting
@testable import Porchlight

@Suite("Shopify webhooks")
struct ShopifyWebhookTests {
    static let orderCreate = "platforms/shopify/orders_create.json"
    static let secretJSON = #"{"webhook_secret": "\#(TestHarness.shopifySecret)"}"#

    static func start(_ t: TestHarness) async throws -> TestHarness.CreatedStore {
        t.clock.set(ISO8601DateFormatter().date(from: "2026-11-20T14:20:00Z")!)
        let store = try await t.createStore()
        try await t.connect("shopify", store.key, settings: secretJSON)
        return store
    }

    @Test("Only deliveries signed with this store's secret are taken in; the rest are logged, never stored",
          arguments: TestDatabase.all)
    func signatures(_ db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let store = try await Self.start(t)
            let birch = try await t.createStore(slug: "birch", name: "Birch")
            try await t.connect("shopify", birch.key, settings: #"{"webhook_secret": "shpss_birch_other"}"#)
            let body = try Fixture.string(Self.orderCreate)

            let tampered = try await t.shopify(body.replacingOccurrences(of: "lucia@example.com", with: "thief@example.com"),
                                               topic: "orders/create", signature: TestHarness.base64HMAC(body, secret: TestHarness.shopifySecret))
            #expect(tampered.status == .unauthorized && tampered.errorCode == "invalid_signature")
            let unsigned = try await t.shopify(body, topic: "orders/create", signature: .some(nil))
            #expect(unsigned.status == .unauthorized)
            let garbage = try await t.shopify(body, topic: "orders/create", signature: "not base64 at all")
            #expect(garbage.status == .unauthorized)
            // Signed for maple, sent to birch: birch's secret doesn't verify it.
            let crossStore = try await t.shopify(body, topic: "orders/create", slug: "birch", shop: "maple")
            #expect(crossStore.status == .unauthorized)
            #expect(try await t.orders(store.key).isEmpty)
            #expect(try await t.orders(birch.key).isEmpty)

            let log = try await t.integrationLog(store.key)
            #expect(log.count == 3 && log.allSatisfy { $0["outcome"] as? String == "rejected_signature" && $0["http_status"] as? Int == 401 })
            #expect(log.allSatisfy { ($0["body_excerpt"] as? String ?? "").utf8.count <= 2_048 })
            #expect(log.contains { ($0["summary"] as? String ?? "").contains("is missing") })
            let birchLog = try await t.integrationLog(birch.key)
            #expect(birchLog.count == 1 && (birchLog[0]["summary"] as? String ?? "").contains("maple.myshopify.com"))

            let accepted = try await t.shopify(body, topic: "orders/create")
            #expect(accepted.status == .ok && accepted.json["status"] as? String == "accepted", "\(accepted.body.string)")
        }
    }

    @Test("A store without a Shopify secret rejects every delivery, and says how to fix it", arguments: TestDatabase.all)
    func noSecret(_ db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let store = try await t.createStore()
            let response = try await t.shopify(try Fixture.string(Self.orderCreate), topic: "orders/create")
            #expect(response.status == .unauthorized)
            let log = try await t.integrationLog(store.key)
            #expect((log.first?["summary"] as? String ?? "").contains("PUT /api/v1/integrations/shopify"))
        }
    }

    @Test("An order arrives with the customer's details; a replayed delivery stores nothing and sends no second confirmation",
          arguments: TestDatabase.all)
    func orderAndReplay(_ db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let store = try await Self.start(t)
            let body = try Fixture.string(Self.orderCreate)
            let first = try await t.shopify(body, topic: "orders/create", webhookID: "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043")
            #expect(first.status == .ok, "\(first.body.string)")
            let receipt = try first.jsonObject()
            #expect(receipt["order_number"] as? String == "1001")

            let orders = try await t.orders(store.key)
            #expect(orders.count == 1)
            let order = try #require(orders.first)
            #expect(order["order_number"] as? String == "1001")
            #expect(order["customer_name"] as? String == "Lucía Ortega" && order["email"] as? String == "lucia@example.com")
            #expect(order["locale"] as? String == "es-MX" && order["currency"] as? String == "USD")
            #expect(order["placed_at"] as? String == "2026-11-20T14:15:00Z")
            let lines = order["line_items"] as? [[String: Any]] ?? []
            #expect(lines.map { $0["title"] as? String } == ["Fir balsam candle", "Smoky black tea"])
            #expect(lines.map { $0["variant"] as? String } == ["Large", nil])
            #expect(lines.map { $0["quantity"] as? Int } == [1, 3] && lines.last?["price"] as? String == "12.50")
            let address = order["shipping_address"] as? [String: Any]
            #expect(address?["line1"] as? String == "221 Calle Luna" && address?["region"] as? String == "TX")
            #expect(address?["postal_code"] as? String == "78205" && address?["country"] as? String == "US")

            let lookup = try await t.send(.POST, "/maple/track", form: "order_number=%231001&email=lucia%40example.com")
            #expect(lookup.status == .seeOther, "the customer finds it typing #1001, as Shopify showed it")

            let replay = try await t.shopify(body, topic: "orders/create", webhookID: "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043")
            #expect(replay.status == .ok && replay.json["status"] as? String == "duplicate")
            let orderID = order["id"] as? String ?? ""
            #expect(try await t.messageTypes(store.key, orderID: orderID).filter { $0 == "order_confirmation" }.count == 1)
            #expect(try await t.orders(store.key).count == 1)
            let log = try await t.integrationLog(store.key)
            #expect(log.compactMap { $0["outcome"] as? String }.sorted() == ["accepted", "duplicate"])
            #expect(log.allSatisfy { $0["order_number"] as? String == "1001" || $0["outcome"] as? String == "duplicate" })
        }
    }

    @Test("Two fulfillments, three tracking numbers: three parcels with their carriers; orders/updated adds none again",
          arguments: TestDatabase.all)
    func fulfillments(_ db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let store = try await Self.start(t)
            try await t.shopify(try Fixture.string(Self.orderCreate), topic: "orders/create")
            t.clock.set(ISO8601DateFormatter().date(from: "2026-11-21T15:06:00Z")!)
            let ups = try await t.shopify(try Fixture.string("platforms/shopify/fulfillments_create_ups_two_numbers.json"),
                                          topic: "fulfillments/create")
            #expect(ups.status == .ok && ups.json["parcels_added"] as? Int == 2, "\(ups.body.string)")
            let other = try await t.shopify(try Fixture.string("platforms/shopify/fulfillments_create_other_carrier.json"),
                                            topic: "fulfillments/create")
            #expect(other.status == .ok && other.json["parcels_added"] as? Int == 1, "\(other.body.string)")

            let updated = try await t.shopify(try Fixture.string("platforms/shopify/orders_updated_fulfilled.json"),
                                              topic: "orders/updated")
            #expect(updated.status == .ok && updated.json["parcels_added"] as? Int == 0, "\(updated.body.string)")
            try await t.shopify(try Fixture.string("platforms/shopify/fulfillments_create_other_carrier.json"),
                                topic: "fulfillments/update")

            let order = try #require(try await t.orders(store.key).first)
            let parcels = order.shipmentList
            #expect(parcels.map { $0["tracking_number"] as? String }
                    == ["1Z999AA10123456784", "1Z999AA10987654328", "9400111206206406260787"])
            #expect(parcels.map { $0["carrier_code"] as? String } == ["ups", "ups", "usps"])
            #expect(parcels.map { $0["carrier_detection"] as? String } == ["store", "store", "detected"])
            #expect(parcels.last?["carrier"] as? String == "United States Postal Service", "'Other' is left to detection, which names it")
            let single = parcels.last?["line_items"] as? [[String: Any]] ?? []
            #expect(single.map { $0["title"] as? String } == ["Smoky black tea"])
            #expect((parcels.first?["line_items"] as? [Any] ?? []).isEmpty, "two boxes, one item list: not guessed")
        }
    }

    @Test("orders/updated for an order never seen creates it with its parcels, once", arguments: TestDatabase.all)
    func updatedFirst(_ db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let store = try await Self.start(t)
            t.clock.set(ISO8601DateFormatter().date(from: "2026-11-21T21:41:00Z")!)
            let body = try Fixture.string("platforms/shopify/orders_updated_fulfilled.json")
            let first = try await t.shopify(body, topic: "orders/updated")
            #expect(first.status == .ok && first.json["parcels_added"] as? Int == 3, "\(first.body.string)")
            let again = try await t.shopify(body, topic: "orders/updated")
            #expect(again.json["parcels_added"] as? Int == 0)
            let orders = try await t.orders(store.key)
            #expect(orders.count == 1 && orders.first?.shipmentList.count == 3)
        }
    }

    @Test("orders/cancelled closes the order, so its messages stop", arguments: TestDatabase.all)
    func cancelled(_ db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let store = try await Self.start(t)
            try await t.shopify(try Fixture.string(Self.orderCreate), topic: "orders/create")
            let response = try await t.shopify(try Fixture.string("platforms/shopify/orders_cancelled.json"), topic: "orders/cancelled")
            #expect(response.status == .ok, "\(response.body.string)")
            #expect((response.json["message"] as? String ?? "").contains("cancelled"))
            let order = try #require(try await t.orders(store.key).first)
            #expect(order["state"] as? String == "cancelled")
            try await t.drainJobs()
            let messages = try await t.send(.GET, "/api/v1/orders/\(order["id"] as? String ?? "")/messages", key: store.key)
            #expect(!messages.body.string.contains("\"status\":\"sent\""), "\(messages.body.string)")
            #expect(messages.body.string.contains("order cancelled"), "the confirmation was skipped, and why")

            // A cancellation for an order Porchlight never had creates nothing.
            let unknown = try Fixture.string("platforms/shopify/orders_cancelled.json")
                .replacingOccurrences(of: "6120450001", with: "6120450999").replacingOccurrences(of: "#1001", with: "#1099")
            let ignored = try await t.shopify(unknown, topic: "orders/cancelled")
            #expect(ignored.status == .ok && ignored.json["status"] as? String == "ignored")
            #expect(try await t.orders(store.key).count == 1)
        }
    }

    @Test("A fulfillment racing ahead of its order is sent back for a retry; an old one is acknowledged",
          arguments: TestDatabase.all)
    func fulfillmentFirst(_ db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let store = try await Self.start(t)
            t.clock.set(ISO8601DateFormatter().date(from: "2026-11-21T15:06:00Z")!)
            let body = try Fixture.string("platforms/shopify/fulfillments_create_ups_two_numbers.json")
            let early = try await t.shopify(body, topic: "fulfillments/create", webhookID: "retry-1")
            #expect(early.status == .conflict && early.errorCode == "order_not_known_yet", "\(early.body.string)")

            t.clock.advance(by: 1)
            try await t.shopify(try Fixture.string(Self.orderCreate), topic: "orders/create")
            t.clock.advance(by: 1)
            let retried = try await t.shopify(body, topic: "fulfillments/create", webhookID: "retry-1")
            #expect(retried.status == .ok && retried.json["parcels_added"] as? Int == 2, "\(retried.body.string)")

            t.clock.advance(by: 2 * 86_400)
            let stranger = body.replacingOccurrences(of: "6120450001", with: "6120450777")
            let old = try await t.shopify(stranger, topic: "fulfillments/create")
            #expect(old.status == .ok && old.json["status"] as? String == "ignored")
            let outcomes = try await t.integrationLog(store.key).compactMap { $0["outcome"] as? String }
            #expect(outcomes == ["ignored", "accepted", "accepted", "deferred"])
        }
    }

    @Test("Unknown topics are acknowledged and logged; unreadable bodies get a 400 and are kept for inspection",
          arguments: TestDatabase.all)
    func unknownAndMalformed(_ db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let store = try await Self.start(t)
            let product = #"{"id": 788032119674292922, "title": "Example T-Shirt", "body_html": "An example"}"#
            let unsupported = try await t.shopify(product, topic: "products/update")
            #expect(unsupported.status == .ok && unsupported.json["status"] as? String == "ignored")

            t.clock.advance(by: 1)
            let broken = ##"{"id": 6120450001, "name": "#1001", "line_items": [{"title": "Tea""##
            let malformed = try await t.shopify(broken, topic: "orders/create")
            #expect(malformed.status == .badRequest && malformed.errorCode == "malformed_payload")
            t.clock.advance(by: 1)
            let wrongShape = try await t.shopify(##"{"id": 6120450001, "name": "#1001", "line_items": "none"}"##, topic: "orders/create")
            #expect(wrongShape.status == .badRequest && wrongShape.body.string.contains("line_items"))
            t.clock.advance(by: 1)
            let noTopic = try await t.send(.POST, "/webhooks/shopify/maple", json: product, headers: [
                ("X-Shopify-Hmac-Sha256", TestHarness.base64HMAC(product, secret: TestHarness.shopifySecret))])
            #expect(noTopic.status == .badRequest)

            let log = try await t.integrationLog(store.key)
            #expect(log.compactMap { $0["outcome"] as? String } == ["malformed", "malformed", "malformed", "unsupported_topic"])
            #expect(log.compactMap { $0["http_status"] as? Int } == [400, 400, 400, 200])
            #expect(log[2]["body_excerpt"] as? String == broken)
            #expect(log[3]["topic"] as? String == "products/update")
            #expect(try await t.orders(store.key).isEmpty)
        }
    }
}
