import Foundation
import Testing
@testable import Porchlight

/// WooCommerce bodies, tracking meta and the shared storefront helpers, without a database.
@Suite struct WooCommerceMappingTests {
    static let defaults = StorefrontDefaults(locale: "en", receivedAt: .t0)

    static func order(_ body: String, key: String? = nil) throws -> StorefrontOrder? {
        guard case .order(let order) = try WooCommerceWebhook.parse(Data(body.utf8), topic: .orderUpdated,
                                                                   defaults: defaults, trackingMetaKey: key) else { return nil }
        return order
    }

    /// The created order with one more meta entry.
    static func withMeta(_ value: Any, key: String = "_tracking") throws -> String {
        var object = try JSONSerialization.jsonObject(with: Fixture.data("platforms/woocommerce/order_created.json")) as? [String: Any] ?? [:]
        object["meta_data"] = (object["meta_data"] as? [Any] ?? []) + [["id": 1, "key": key, "value": value]]
        return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    @Test func anOrderMapsBillingShippingAndLines() throws {
        let order = try #require(try Self.order(Fixture.string("platforms/woocommerce/order_created.json")))
        #expect(order.externalID == "2087" && order.draft.orderNumber == "2087")
        #expect(order.draft.email == "marta@example.com" && order.draft.phone == "+34915550123")
        #expect(order.draft.customerName == "Marta Gil" && order.draft.locale == "es" && order.draft.currency == "EUR")
        #expect(order.draft.shippingAddress?.line1 == "Calle de Atocha 27" && order.draft.shippingAddress?.country == "ES")
        #expect(order.draft.lineItems.map(\.price) == ["32.00", "18.50"])
        #expect(order.draft.lineItems.first?.variant == "Sage", "WooCommerce's own '_' meta is not a variant")
        #expect(order.parcels.isEmpty && order.closedAs == nil && order.notYet == nil)
    }

    @Test func shipmentTrackingItemsNameTheirCarriers() throws {
        let order = try #require(try Self.order(Fixture.string("platforms/woocommerce/order_updated_shipment_tracking.json")))
        #expect(order.parcels.map(\.trackingNumber) == ["1Z999AA10123456784", "RR123456785DE"])
        #expect(order.parcels.map(\.carrier) == ["UPS", "Deutsche Post"])
        #expect(order.parcels.map(\.shippedAt) == [Date(timeIntervalSince1970: 1_795_251_600), Date(timeIntervalSince1970: 1_795_255_200)])
    }

    @Test func aCustomKeyMayHoldTextOrTheSameItems() throws {
        let text = try #require(try Self.order(Self.withMeta("1Z999AA10123456784, 9400111206206406260787"), key: "_tracking"))
        #expect(text.parcels.map(\.trackingNumber) == ["1Z999AA10123456784", "9400111206206406260787"])
        #expect(text.parcels.allSatisfy { $0.carrier == nil })
        let items = try #require(try Self.order(Self.withMeta(
            [["tracking_provider": "canada-post", "tracking_number": "1Z999AA10987654328", "date_shipped": "2026-11-21"]]),
            key: "_tracking"))
        #expect(items.parcels.first?.carrier == "Canada Post")
        #expect(items.parcels.first?.shippedAt == ISO8601DateFormatter().date(from: "2026-11-21T00:00:00Z"))
        let ignored = try #require(try Self.order(Self.withMeta("1Z999AA10123456784")))
        #expect(ignored.parcels.isEmpty, "without the setting only Shipment Tracking's key is read")
    }

    @Test func statusesDecideWhetherTheOrderIsTrackedOrClosed() throws {
        let body = try Fixture.string("platforms/woocommerce/order_created.json")
        func with(_ status: String) throws -> StorefrontOrder? {
            try Self.order(body.replacingOccurrences(of: "\"processing\"", with: "\"\(status)\""))
        }
        #expect(try with("pending")?.notYet == "It is awaiting payment (status pending).")
        #expect(try with("on-hold")?.notYet == nil)
        #expect(try with("cancelled")?.closedAs == .cancelled)
        #expect(try with("failed")?.closedAs == .cancelled)
        #expect(try with("refunded")?.closedAs == .refunded)
        #expect(try with("completed")?.closedAs == nil)
    }

    @Test func onlyAnExactPingIsAPing() {
        #expect(WooCommerceWebhook.pingWebhookID(Data("webhook_id=14".utf8)) == "14")
        #expect(WooCommerceWebhook.pingWebhookID(Data("webhook_id=".utf8)) == nil)
        #expect(WooCommerceWebhook.pingWebhookID(Data("webhook_id=14&x=1".utf8)) == nil)
        #expect(WooCommerceWebhook.pingWebhookID(Data(#"{"webhook_id": 14}"#.utf8)) == nil)
    }

    @Test func carrierNamesReadLikePeopleWriteThem() {
        #expect(StorefrontShipping.carrierName("dhl-us", trackingLink: nil) == "DHL US")
        #expect(StorefrontShipping.carrierName("australia-post", trackingLink: nil) == "Australia Post")
        #expect(StorefrontShipping.carrierName("fedex", trackingLink: nil) == "FedEx")
        #expect(StorefrontShipping.carrierName("Canada Post", trackingLink: nil) == "Canada Post")
        #expect(StorefrontShipping.carrierName("Other", trackingLink: "https://tools.usps.com/go/TrackConfirmAction?tLabels=1") == "USPS")
        #expect(StorefrontShipping.carrierName(nil, trackingLink: "https://www.royalmail.com/track-your-item#/") == "Royal Mail")
        #expect(StorefrontShipping.carrierName("Other", trackingLink: "https://track.example.com/1") == nil)
    }

    @Test func logExcerptsAreCutOnCharactersAndHoldNoNUL() {
        let body = Data("ñandú".utf8)  // ñ and ú are two bytes each
        #expect(IntegrationLogEntry.excerpt(body, limit: 2) == "ñ")
        #expect(IntegrationLogEntry.excerpt(body, limit: 3) == "ña")
        #expect(IntegrationLogEntry.excerpt(body, limit: 6) == "ñand")
        #expect(IntegrationLogEntry.excerpt(body) == "ñandú")
        #expect(IntegrationLogEntry.excerpt(Data([0x61, 0x00, 0x62])) == "a\u{FFFD}b")
        #expect(IntegrationLogEntry.excerpt(Data(repeating: 0x41, count: 40_000)).utf8.count == 16_384)
    }
}
