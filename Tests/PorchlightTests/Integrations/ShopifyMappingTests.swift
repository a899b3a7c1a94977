import Foundation
import Testing
@testable import Porchlight

/// Shopify bodies to Porchlight's orders and parcels, without a database.
@Suite struct ShopifyMappingTests {
    static let defaults = StorefrontDefaults(locale: "en", receivedAt: .t0)

    static func event(_ fixture: String, _ topic: ShopifyWebhook.Topic) throws -> StorefrontEvent {
        try ShopifyWebhook.parse(Fixture.data("platforms/shopify/\(fixture)"), topic: topic, defaults: defaults)
    }

    static func edited(_ body: String, _ topic: ShopifyWebhook.Topic = .ordersCreate) throws -> StorefrontEvent {
        try ShopifyWebhook.parse(Data(body.utf8), topic: topic, defaults: defaults)
    }

    @Test func anOrderBecomesANewOrderTheRESTAPIWouldAccept() throws {
        guard case .order(let order) = try Self.event("orders_create.json", .ordersCreate) else { Issue.record(); return }
        #expect(order.externalID == "6120450001")
        #expect(order.draft.orderNumber == "1001")
        #expect(order.draft.email == "lucia@example.com" && order.draft.customerName == "Lucía Ortega")
        #expect(order.draft.locale == "es-MX" && order.draft.timeZone == "UTC" && order.draft.currency == "USD")
        #expect(order.draft.placedAt == ISO8601DateFormatter().date(from: "2026-11-20T14:15:00Z"))
        #expect(order.draft.lineItems == [
            NewLineItem(sku: "CANDLE-L", title: "Fir balsam candle", variant: "Large", quantity: 1, price: "24.00"),
            NewLineItem(sku: "TEA", title: "Smoky black tea", variant: nil, quantity: 3, price: "12.50"),
        ])
        #expect(order.draft.shippingAddress == PostalAddress(name: "Lucía Ortega", line1: "221 Calle Luna", line2: "Apt 4",
                                                             city: "San Antonio", region: "TX", postalCode: "78205", country: "US"))
        #expect(order.parcels.isEmpty && order.closedAs == nil && order.notYet == nil)
        #expect(throws: Never.self) { try order.draft.validate() }
    }

    @Test func anOrderCarriesEveryFulfillmentsNumbers() throws {
        guard case .order(let order) = try Self.event("orders_updated_fulfilled.json", .ordersUpdated) else { Issue.record(); return }
        #expect(order.parcels.map(\.trackingNumber) == ["1Z999AA10123456784", "1Z999AA10987654328", "9400111206206406260787"])
        #expect(order.parcels.map(\.carrier) == ["UPS", "UPS", nil])
    }

    @Test func cancelledOrdersClose() throws {
        guard case .order(let order) = try Self.event("orders_cancelled.json", .ordersCancelled) else { Issue.record(); return }
        #expect(order.closedAs == .cancelled)
    }

    @Test func aFulfillmentWithTwoNumbersIsTwoParcelsWithoutGuessedItems() throws {
        guard case .parcels(let found) = try Self.event("fulfillments_create_ups_two_numbers.json", .fulfillmentsCreate) else {
            Issue.record(); return
        }
        #expect(found.externalOrderID == "6120450001" && found.orderNumber == "1001")
        #expect(found.parcels.map(\.trackingNumber) == ["1Z999AA10123456784", "1Z999AA10987654328"])
        #expect(found.parcels.allSatisfy { $0.carrier == "UPS" && $0.items.isEmpty })
        #expect(found.parcels.first?.shippedAt == ISO8601DateFormatter().date(from: "2026-11-21T15:05:00Z"))
        #expect(found.changedAt == ISO8601DateFormatter().date(from: "2026-11-21T15:05:00Z"))
    }

    @Test func aSingleNumberParcelListsItsItems() throws {
        guard case .parcels(let found) = try Self.event("fulfillments_create_other_carrier.json", .fulfillmentsCreate) else {
            Issue.record(); return
        }
        #expect(found.parcels.first?.carrier == nil, "'Other' is for detection to name")
        #expect(found.parcels.first?.items == [ShipmentItem(sku: "TEA", title: "Smoky black tea", quantity: 1)])
    }

    @Test func cancelledOrUntrackedFulfillmentsAddNothing() throws {
        let body = try Fixture.string("platforms/shopify/fulfillments_create_ups_two_numbers.json")
        let cancelled = try Self.edited(body.replacingOccurrences(of: "\"success\"", with: "\"cancelled\""), .fulfillmentsUpdate)
        #expect(cancelled == .ignored("Fulfillment #1001.1 is cancelled; its tracking numbers were not added."))
        let bare = ##"{"id": 1, "order_id": 6120450001, "name": "#1001.3", "status": "success", "tracking_numbers": []}"##
        #expect(try Self.edited(bare, .fulfillmentsCreate) == .ignored("Fulfillment #1001.3 has no tracking number yet."))
    }

    @Test func numbersPorchlightCannotTakeAreSkippedWithTheReason() throws {
        let body = ##"{"order_id": 9, "name": "#7.1", "tracking_company": "UPS", "tracking_numbers": ["1Z/BAD", "1Z999AA10123456784"]}"##
        guard case .parcels(let found) = try Self.edited(body, .fulfillmentsCreate) else { Issue.record(); return }
        #expect(found.parcels.map(\.trackingNumber) == ["1Z999AA10123456784"])
        #expect(found.skipped.count == 1 && found.skipped[0].contains("1Z/BAD"))
    }

    @Test func unreadableBodiesSayWhatIsWrong() {
        #expect(throws: StorefrontPayloadError.malformed("body is not JSON")) { try Self.edited("{\"id\": ") }
        #expect(throws: StorefrontPayloadError.malformed("body is not a JSON object")) { try Self.edited("[1, 2]") }
        #expect(throws: StorefrontPayloadError.malformed("order without an id")) { try Self.edited(##"{"name": "#1"}"##) }
        #expect(throws: StorefrontPayloadError.malformed("line_items is not a list")) {
            try Self.edited(##"{"id": 1, "name": "#1", "line_items": {"title": "x"}}"##)
        }
        #expect(throws: StorefrontPayloadError.malformed("fulfillment without an order_id")) {
            try Self.edited(#"{"id": 1, "tracking_numbers": ["1Z999AA10123456784"]}"#, .fulfillmentsCreate)
        }
    }

    @Test func orderNumbersAreKeptAsCustomersTypeThem() {
        #expect(StorefrontOrder.number(from: "#1001") == "1001")
        #expect(StorefrontOrder.number(from: " MM-1001 ") == "MM-1001")
        #expect(StorefrontOrder.number(from: "#") == nil)
        #expect(ShopifyFulfillment.orderNumber(fromFulfillmentName: "#1001.2") == "1001")
        #expect(ShopifyFulfillment.orderNumber(fromFulfillmentName: "#A.B-1001") == "A.B-1001")
    }

    @Test func signaturesMatchAVectorComputedOutsideSwift() throws {
        let body = try Fixture.data("platforms/shopify/orders_create.json")
        let secret = "shpss_porchlight_fixture_secret"
        let vector = "9KyWNptojvQ1CsKiCxUG4LSQTuusTCBAlciZmOpA8QA="
        #expect(WebhookSignature.base64BodyHMACValid(vector, body: body, secret: secret))
        #expect(!WebhookSignature.base64BodyHMACValid(vector, body: body + Data(" ".utf8), secret: secret))
        #expect(!WebhookSignature.base64BodyHMACValid(vector, body: body, secret: ""))
        #expect(!WebhookSignature.base64BodyHMACValid(nil, body: body, secret: secret))
        let woo = try Fixture.data("platforms/woocommerce/order_created.json")
        #expect(WebhookSignature.base64BodyHMACValid("KKqn43ztoH/mtmlAJx1yBjAeMcvDVoNuPJwgcLuuKtg=", body: woo,
                                                     secret: "wc_porchlight_fixture_secret"))
    }
}
