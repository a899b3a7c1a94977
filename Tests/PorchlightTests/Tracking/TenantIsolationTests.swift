import Foundation
import Testing
import VaporTesting
@testable import Porchlight

@Suite("Tenant isolation")
struct TenantIsolationTests {
    @Test("Another store's objects are 404 and never listed", arguments: TestDatabase.all)
    func otherStoresObjectsAreInvisible(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let maple = try await t.createStore(slug: "maple")
            let rival = try await t.createStore(slug: "rival", name: "Rival")
            let order = try await t.createOrder(maple.key)
            let orderID = try #require(order["id"] as? String)
            let shipment = try await t.addShipment(maple.key, orderID: orderID, number: "1Z0001")

            let read = try await t.send(.GET, "/api/v1/orders/\(orderID)", key: rival.key)
            let ship = try await t.send(.POST, "/api/v1/orders/\(orderID)/shipments", key: rival.key,
                                        json: #"{"tracking_number": "1Z0002"}"#)
            let event = try await t.addEvent(rival.key, shipmentID: shipment, status: "Delivered", at: "2026-11-22T10:00:00Z")
            for response in [read, ship, event] {
                #expect(response.status == .notFound)
                #expect(!response.body.string.contains("1001"))
            }
            let list = try await t.send(.GET, "/api/v1/orders", key: rival.key).jsonObject()
            #expect(list["total"] as? Int == 0)
            let unchanged = try await t.send(.GET, "/api/v1/orders/\(orderID)", key: maple.key).jsonObject()
            #expect(unchanged["status"] as? String == "Pending")
        }
    }

    @Test("The same order number in two stores makes two orders", arguments: TestDatabase.all)
    func orderNumbersAreScopedPerStore(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let maple = try await t.createStore(slug: "maple")
            let rival = try await t.createStore(slug: "rival", name: "Rival")
            let first = try await t.createOrder(maple.key)
            let second = try await t.createOrder(rival.key)
            #expect(first["id"] as? String != second["id"] as? String)
            #expect(first["tracking_url"] as? String != second["tracking_url"] as? String)
        }
    }
}
