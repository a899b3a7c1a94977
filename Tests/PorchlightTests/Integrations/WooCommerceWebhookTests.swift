import Foundation
import Testing
import Vapor
import VaporTesting
@testable import Porchlight

@Suite("WooCommerce webhooks")
struct WooCommerceWebhookTests {
    static let created = "platforms/woocommerce/order_created.json"

    static func start(_ t: TestHarness, settings: String? = nil) async throws -> TestHarness.CreatedStore {
        t.clock.set(ISO8601DateFormatter().date(from: "2026-11-20T14:45:00Z")!)
        let store = try await t.createStore(slug: "birch", name: "Birch & Linen")
        try await t.connect("woocommerce", store.key,
                            settings: settings ?? #"{"webhook_secret": "\#(TestHarness.wooSecret)"}"#)
        return store
    }

    @Test("WooCommerce's setup ping gets the 200 it needs, before any secret is set", arguments: TestDatabase.all)
    func ping(_ db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let store = try await t.createStore(slug: "birch", name: "Birch & Linen")
            let ping = try await t.send(.POST, "/webhooks/woocommerce/birch", headers: [("User-Agent", "WooCommerce/9.4.2 Hookshot (WordPress/6.7)")],
                                        form: "webhook_id=14")
            #expect(ping.status == .ok, "\(ping.body.string)")
            let log = try await t.integrationLog(store.key)
            #expect(log.first?["outcome"] as? String == "ignored")
            #expect((log.first?["summary"] as? String ?? "").contains("webhook 14"))
            // Anything else unsigned is not a ping.
            let other = try await t.send(.POST, "/webhooks/woocommerce/birch", form: "webhook_id=14&status=completed")
            #expect(other.status == .unauthorized)
        }
    }

    @Test("Created, then updated with Shipment Tracking items: one order, two parcels with their carriers",
          arguments: TestDatabase.all)
    func createdThenTracked(_ db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let store = try await Self.start(t)
            let created = try await t.wooCommerce(try Fixture.string(Self.created), topic: "order.created")
            #expect(created.status == .ok && created.json["status"] as? String == "accepted", "\(created.body.string)")
            t.clock.set(ISO8601DateFormatter().date(from: "2026-11-21T08:31:00Z")!)
            let tracked = try Fixture.string("platforms/woocommerce/order_updated_shipment_tracking.json")
            let updated = try await t.wooCommerce(tracked, topic: "order.updated")
            #expect(updated.json["parcels_added"] as? Int == 2, "\(updated.body.string)")
            let again = try await t.wooCommerce(tracked, topic: "order.updated")
            #expect(again.json["parcels_added"] as? Int == 0)

            let orders = try await t.orders(store.key)
            let order = try #require(orders.first)
            #expect(orders.count == 1)
            #expect(order["order_number"] as? String == "2087" && order["email"] as? String == "marta@example.com")
            #expect(order["customer_name"] as? String == "Marta Gil" && order["currency"] as? String == "EUR")
            #expect(order["locale"] as? String == "es" && order["placed_at"] as? String == "2026-11-20T14:42:10Z")
            let lines = order["line_items"] as? [[String: Any]] ?? []
            #expect(lines.map { $0["price"] as? String } == ["32.00", "18.50"])
            #expect(lines.first?["variant"] as? String == "Sage" && lines.first?["image_url"] as? String != nil)
            #expect((order["shipping_address"] as? [String: Any])?["city"] as? String == "Madrid")

            let parcels = order.shipmentList
            #expect(parcels.map { $0["tracking_number"] as? String } == ["1Z999AA10123456784", "RR123456785DE"])
            #expect(parcels.map { $0["carrier"] as? String } == ["UPS", "Deutsche Post"])
            #expect(parcels.map { $0["carrier_code"] as? String } == ["ups", "s10"])
            #expect(parcels.first?["shipped_at"] as? String == "2026-11-21T09:00:00Z")
        }
    }

    @Test("A store's own tracking meta key is read instead, as plain text", arguments: TestDatabase.all)
    func customMetaKey(_ db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let store = try await Self.start(t, settings: """
                {"webhook_secret": "\(TestHarness.wooSecret)", "tracking_meta_key": "_birch_tracking_number"}
                """)
            let shown = try await t.send(.GET, "/api/v1/integrations", key: store.key)
            #expect(shown.body.string.contains("\"tracking_meta_key\":\"_birch_tracking_number\""), "not a secret: shown in full")
            let response = try await t.wooCommerce(try Fixture.string("platforms/woocommerce/order_updated_custom_meta.json"),
                                                   topic: "order.updated")
            #expect(response.json["parcels_added"] as? Int == 1, "\(response.body.string)")
            let parcel = try #require(try await t.orders(store.key).first?.shipmentList.first)
            #expect(parcel["tracking_number"] as? String == "1Z999AA10987654328")
            #expect(parcel["carrier_code"] as? String == "ups" && parcel["carrier_detection"] as? String == "detected")

            let shopify = try await t.send(.PUT, "/api/v1/integrations/shopify", key: store.key,
                                           json: #"{"webhook_secret": "x", "tracking_meta_key": "_k"}"#)
            #expect(shopify.status == .unprocessableEntity, "only WooCommerce reads order meta")
        }
    }

    @Test("Unpaid orders wait for payment; cancelled, failed and refunded ones close", arguments: TestDatabase.all)
    func statuses(_ db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let store = try await Self.start(t)
            let body = try Fixture.string(Self.created)
            let pending = try await t.wooCommerce(body.replacingOccurrences(of: "\"processing\"", with: "\"pending\""),
                                                  topic: "order.created")
            #expect(pending.status == .ok && pending.json["status"] as? String == "ignored")
            #expect((pending.json["message"] as? String ?? "").contains("awaiting payment"))
            #expect(try await t.orders(store.key).isEmpty)

            try await t.wooCommerce(body, topic: "order.updated")
            let refunded = try await t.wooCommerce(body.replacingOccurrences(of: "\"processing\"", with: "\"refunded\""),
                                                   topic: "order.updated")
            #expect(refunded.status == .ok)
            // Closed stays closed the way it was closed; a later "cancelled" doesn't rewrite it.
            try await t.wooCommerce(body.replacingOccurrences(of: "\"processing\"", with: "\"cancelled\""), topic: "order.updated")
            #expect(try await t.orders(store.key).first?["state"] as? String == "refunded")

            let other = body.replacingOccurrences(of: "2087", with: "2090")
            try await t.wooCommerce(other, topic: "order.created")
            try await t.wooCommerce(other.replacingOccurrences(of: "\"processing\"", with: "\"failed\""), topic: "order.updated")
            let states = try await t.orders(store.key).compactMap { $0["state"] as? String }.sorted()
            #expect(states == ["cancelled", "refunded"])
        }
    }

    @Test("Signatures, replays and unknown topics", arguments: TestDatabase.all)
    func signaturesAndTopics(_ db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let store = try await Self.start(t)
            let body = try Fixture.string(Self.created)
            let wrong = try await t.wooCommerce(body, topic: "order.created", secret: "ck_wrong")
            #expect(wrong.status == .unauthorized && wrong.errorCode == "invalid_signature")
            let unsigned = try await t.wooCommerce(body, topic: "order.created", signature: .some(nil))
            #expect(unsigned.status == .unauthorized)
            #expect(try await t.orders(store.key).isEmpty)

            let first = try await t.wooCommerce(body, topic: "order.created", deliveryID: "a1b2c3")
            let replay = try await t.wooCommerce(body, topic: "order.created", deliveryID: "a1b2c3")
            #expect(first.json["status"] as? String == "accepted" && replay.json["status"] as? String == "duplicate")
            let deleted = try await t.wooCommerce(#"{"id": 2087}"#, topic: "order.deleted")
            #expect(deleted.status == .ok && deleted.json["status"] as? String == "ignored")
            let notJSON = try await t.wooCommerce("<html>oops</html>", topic: "order.updated")
            #expect(notJSON.status == .badRequest && notJSON.errorCode == "malformed_payload")

            let woo = try await t.integrationLog(store.key, query: "?provider=woocommerce")
            #expect(woo.count == 6)
            #expect(Set(woo.compactMap { $0["outcome"] as? String })
                    == ["rejected_signature", "accepted", "duplicate", "unsupported_topic", "malformed"])
            #expect(try await t.integrationLog(store.key, query: "?provider=shopify").isEmpty)
        }
    }
}
