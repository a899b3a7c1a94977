import Foundation
import Testing
import VaporTesting
@testable import Porchlight

@Suite("Tracking page cache never shows stale news")
struct TrackingPageCacheTests {
    @Test("A new event, a branding change and the customer's midnight each show at once", arguments: TestDatabase.all)
    func freshAfterEveryChange(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let store = try await t.createStore()
            let order = try await t.createOrder(store.key)
            let path = t.trackingPath(order)
            let shipment = try await t.addShipment(store.key, orderID: order["id"] as! String, number: "1Z0001")
            // t0 is 07:00 on Sunday in New York, the order's zone.
            try await t.addEvent(store.key, shipmentID: shipment, status: "InTransit", at: "2026-11-22T11:00:00Z",
                                 message: "Arrived at facility")
            let first = try await t.send(.GET, path).body.string
            #expect(first.contains("data-status=\"InTransit\""))
            #expect(first.contains("<h4>Today</h4>"))
            #expect(try await t.send(.GET, path).body.string.contains("<h4>Today</h4>"))

            try await t.addEvent(store.key, shipmentID: shipment, status: "OutForDelivery", at: "2026-11-22T11:30:00Z",
                                 message: "Out for delivery")
            let afterEvent = try await t.send(.GET, path).body.string
            #expect(afterEvent.contains("data-status=\"OutForDelivery\""))

            _ = try await t.send(.PATCH, "/api/v1/store", key: store.key, json: ##"{"accent_color": "#aa0000"}"##)
            t.clock.advance(by: 1)
            let afterBranding = try await t.send(.GET, path).body.string
            #expect(afterBranding.contains("--accent:#aa0000"))

            t.clock.advance(by: 18 * 3600)
            let nextDay = try await t.send(.GET, path).body.string
            #expect(nextDay.contains("<h4>Yesterday</h4>"))
            #expect(!nextDay.contains("<h4>Today</h4>"))
        }
    }

    @Test("Each response carries its own CSP nonce, matching its header")
    func noncePerResponse() async throws {
        try await TestHarness.run(.sqlite) { t in
            let store = try await t.createStore()
            let path = t.trackingPath(try await t.createOrder(store.key))
            var nonces: Set<String> = []
            for _ in 0..<3 {
                let response = try await t.send(.GET, path)
                let header = try #require(response.headers.first(name: "Content-Security-Policy"))
                let nonce = try #require(header.firstMatch(of: /'nonce-([A-Za-z0-9_-]+)'/)?.1)
                #expect(response.body.string.contains("<style nonce=\"\(nonce)\">"))
                nonces.insert(String(nonce))
            }
            #expect(nonces.count == 3)
        }
    }
}
