import Foundation
import Testing
import VaporTesting
@testable import Porchlight

@Suite("Tracking page")
struct TrackingPageTests {
    @Test("The private page shows the brand, the status and the timeline, under a CSP", arguments: TestDatabase.all)
    func branded(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let store = try await t.createStore()
            _ = try await t.send(.PATCH, "/api/v1/store", key: store.key, json: """
                {"accent_color": "#ffd400", "background_color": "#101820", "logo_url": "https://cdn.example/logo.png",
                 "return_policy_url": "https://maple.example/returns"}
                """)
            let order = try await t.createOrder(store.key)
            let shipment = try await t.addShipment(store.key, orderID: order["id"] as! String, number: "1Z0001")
            try await t.addEvent(store.key, shipmentID: shipment, status: "InTransit", at: "2026-11-22T09:00:00Z",
                                 message: "Arrived at facility", substatus: "InTransit_002")
            let page = try await t.send(.GET, t.trackingPath(order))
            let html = page.body.string
            #expect(page.status == .ok)
            #expect(page.headers.first(name: "Content-Security-Policy")?.contains("default-src 'none'") == true)
            #expect(page.headers.first(name: "Referrer-Policy") == "no-referrer")
            #expect(html.contains("Maple &amp; Moss"))
            #expect(html.contains("https://cdn.example/logo.png"))
            #expect(html.contains("--accent:#ffd400"))
            // Light text on the dark background the merchant chose.
            #expect(html.contains("--text:#ffffff"))
            #expect(html.contains("On its way · arriving"))
            #expect(html.contains("Arrived at facility"))
            #expect(html.contains("https://maple.example/returns"))
            #expect(html.contains("data-status=\"InTransit\""))
            #expect(html.contains("<title>Order 1001 · Maple &amp; Moss</title>"))
            // A single parcel needs no "Parcel 1 of 1" heading, and must not borrow the page title for one.
            #expect(!html.contains("parcel-title"))
        }
    }

    @Test("An unknown or malformed token gets a 404 that reveals nothing", arguments: TestDatabase.all)
    func unknownToken(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let store = try await t.createStore()
            _ = try await t.createOrder(store.key)
            for path in ["/t/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "/t/short", "/t/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.json"] {
                let response = try await t.send(.GET, path)
                #expect(response.status == .notFound)
                #expect(!response.body.string.contains("Maple"))
                #expect(!response.body.string.contains("1001"))
            }
        }
    }

    @Test("The JSON twin carries the headline and leaves out the buyer's contact details", arguments: TestDatabase.all)
    func jsonTwin(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let store = try await t.createStore()
            let order = try await t.createOrder(store.key)
            let json = try await t.send(.GET, t.trackingPath(order) + ".json").jsonObject()
            #expect((json["headline"] as? String)?.hasPrefix("Order received") == true)
            let body = try #require(json["order"] as? [String: Any])
            #expect(body["email"] == nil)
            #expect(body["order_number"] as? String == "1001")
        }
    }

    @Test("Spanish orders get a Spanish page", arguments: TestDatabase.all)
    func spanish(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let store = try await t.createStore()
            let order = try await t.createOrder(store.key, extra: #", "locale": "es-MX""#)
            let shipment = try await t.addShipment(store.key, orderID: order["id"] as! String, number: "1Z0001")
            try await t.addEvent(store.key, shipmentID: shipment, status: "InTransit", at: "2026-11-22T09:00:00Z")
            let html = try await t.send(.GET, t.trackingPath(order)).body.string
            #expect(html.contains("<html lang=\"es\">"))
            #expect(html.contains("En camino · llega"))
            #expect(html.contains("¿Necesitas ayuda?"))
        }
    }

    @Test("A page costs the same number of queries however big the order", arguments: TestDatabase.all)
    func constantQueries(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let store = try await t.createStore()
            let small = try await t.createOrder(store.key, number: "S-1")
            let smallShipment = try await t.addShipment(store.key, orderID: small["id"] as! String, number: "1ZS")
            try await t.addEvent(store.key, shipmentID: smallShipment, status: "InTransit", at: "2026-11-22T09:00:00Z")
            let big = try await t.createOrder(store.key, number: "B-1")
            for parcel in 0..<3 {
                let id = try await t.addShipment(store.key, orderID: big["id"] as! String, number: "1ZB\(parcel)")
                for hour in 0..<10 {
                    try await t.addEvent(store.key, shipmentID: id, status: "InTransit",
                                         at: "2026-11-21T\(10 + hour):00:00Z", message: "Scan \(hour)")
                }
            }
            var counts: [Int] = []
            for order in [small, big] {
                let counter = QueryCounter()
                let token = String(t.trackingPath(order).dropFirst(3))
                let loaded = try await TrackingReader(database: counter.database(in: t.app)).load(token: token)
                #expect(loaded?.events.count == (order["order_number"] as? String == "B-1" ? 30 : 1))
                counts.append(counter.count)
            }
            #expect(counts[0] == counts[1])
            #expect(counts[0] == 5, "order, store, items, parcels, events")
        }
    }
}
