import Foundation
import Testing
import VaporTesting
@testable import Porchlight

@Suite("Shipments and events API")
struct ShipmentEventAPITests {
    @Test("Status follows event time, not arrival order", arguments: TestDatabase.all)
    func outOfOrderEvents(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let store = try await t.createStore()
            let order = try await t.createOrder(store.key)
            let orderID = order["id"] as! String
            let shipment = try await t.addShipment(store.key, orderID: orderID, number: "1Z0001")
            try await t.addEvent(store.key, shipmentID: shipment, status: "OutForDelivery", at: "2026-11-22T08:00:00Z")
            try await t.addEvent(store.key, shipmentID: shipment, status: "InTransit", at: "2026-11-21T18:00:00Z",
                                 substatus: "InTransit_002")
            let json = try await t.send(.GET, "/api/v1/orders/\(orderID)", key: store.key).jsonObject()
            let parcel = try #require((json["shipments"] as? [[String: Any]])?.first)
            #expect(parcel["status"] as? String == "OutForDelivery")
            #expect(json["status"] as? String == "OutForDelivery")
            let events = try #require(parcel["events"] as? [[String: Any]])
            #expect(events.map { $0["status"] as? String } == ["OutForDelivery", "InTransit"])
        }
    }

    @Test("Late noise after delivery keeps Delivered; a duplicate event is stored once", arguments: TestDatabase.all)
    func deliveredIsSticky(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let store = try await t.createStore()
            let orderID = try await t.createOrder(store.key)["id"] as! String
            let shipment = try await t.addShipment(store.key, orderID: orderID, number: "1Z0001")
            let first = try await t.addEvent(store.key, shipmentID: shipment, status: "Delivered", at: "2026-11-22T10:42:00Z",
                                             message: "Left at door")
            let duplicate = try await t.addEvent(store.key, shipmentID: shipment, status: "Delivered",
                                                 at: "2026-11-22T10:42:00Z", message: "Left at door")
            try await t.addEvent(store.key, shipmentID: shipment, status: "InTransit", at: "2026-11-22T11:00:00Z")
            #expect(first.status == .created)
            #expect(duplicate.status == .ok)
            #expect(try first.jsonObject()["id"] as? String == duplicate.jsonObject()["id"] as? String)
            let json = try await t.send(.GET, "/api/v1/orders/\(orderID)", key: store.key).jsonObject()
            let parcel = try #require((json["shipments"] as? [[String: Any]])?.first)
            #expect(parcel["status"] as? String == "Delivered")
            #expect(parcel["delivered_at"] as? String == "2026-11-22T10:42:00Z")
            #expect((parcel["events"] as? [Any])?.count == 2)
        }
    }

    @Test("A split order says how many parcels have arrived", arguments: TestDatabase.all)
    func splitOrderSummary(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let store = try await t.createStore()
            let orderID = try await t.createOrder(store.key)["id"] as! String
            let first = try await t.addShipment(store.key, orderID: orderID, number: "1Z0001", skus: ["CANDLE"])
            let second = try await t.addShipment(store.key, orderID: orderID, number: "1Z0002", skus: ["TEA"])
            try await t.addEvent(store.key, shipmentID: first, status: "Delivered", at: "2026-11-22T10:00:00Z")
            try await t.addEvent(store.key, shipmentID: second, status: "InTransit", at: "2026-11-22T09:00:00Z")
            let json = try await t.send(.GET, "/api/v1/orders/\(orderID)", key: store.key).jsonObject()
            #expect(json["status"] as? String == "InTransit")
            #expect(json["status_summary"] as? String == "1 of 2 parcels delivered")
            let parcels = try #require(json["shipments"] as? [[String: Any]])
            let titles = parcels.compactMap { ($0["line_items"] as? [[String: Any]])?.first?["title"] as? String }
            #expect(titles == ["Fir candle", "Smoky tea"])
        }
    }

    @Test("Unknown statuses and substatuses from another status are refused", arguments: TestDatabase.all)
    func eventValidation(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let store = try await t.createStore()
            let orderID = try await t.createOrder(store.key)["id"] as! String
            let shipment = try await t.addShipment(store.key, orderID: orderID, number: "1Z0001")
            let unknown = try await t.addEvent(store.key, shipmentID: shipment, status: "Teleported", at: "2026-11-22T10:00:00Z")
            #expect(unknown.status == .unprocessableEntity)
            #expect(unknown.errorCode == "unknown_status")
            let mismatched = try await t.addEvent(store.key, shipmentID: shipment, status: "Delivered",
                                                  at: "2026-11-22T10:00:00Z", substatus: "Exception_004")
            #expect(mismatched.status == .unprocessableEntity)
            let badNumber = try await t.send(.POST, "/api/v1/orders/\(orderID)/shipments", key: store.key,
                                             json: #"{"tracking_number": "<script>"}"#)
            #expect(badNumber.status == .unprocessableEntity)
        }
    }
}
