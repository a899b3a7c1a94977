import FluentKit
import Foundation
import SQLKit
import Testing
@testable import Porchlight

/// The webhook path reads parcels and orders straight from rows; they must come back as Fluent reads them.
@Suite("Parcels and orders read from rows")
struct RecordRowsTests {
    @Test("Every column of a parcel and its order reads the same as through Fluent", arguments: TestDatabase.all)
    func sameAsFluent(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let store = try await t.createStore()
            let order = try await t.createOrder(store.key, extra: #", "phone": "+15555550100""#)
            let orderID = try #require(order["id"] as? String)
            let shipmentID = try await t.addShipment(store.key, orderID: orderID, number: "1Z999AA10123456784", skus: ["CANDLE"])
            try await t.addEvent(store.key, shipmentID: shipmentID, status: "Delivered", at: "2026-11-22T15:00:00Z")
            // Fill the columns nothing above sets, so a misread null could not pass.
            try await t.app.db.sql.raw("""
                UPDATE shipments SET promised_earliest = '2026-11-23', promised_latest = '2026-11-25',
                    carrier_earliest = '2026-11-24', carrier_latest = '2026-11-24', push_provider = 'easypost',
                    last_movement_at = \(bind: t.clock.now), last_polled_at = \(bind: t.clock.now), poll_failures = 2
                """).run()
            try await t.app.db.sql.raw("UPDATE orders SET idempotency_key = 'k-1', page_views = 3").run()

            let parcelsByFluent = try await ShipmentRecord.query(on: t.app.db).all()
            let parcelsByRow = try await ShipmentRecord.read(where: "1 = 1", storeID: store.id, on: t.app.db)
            let ordersByFluent = try await OrderRecord.query(on: t.app.db).all()
            let ordersByRow = try await OrderRecord.read(where: "1 = 1", storeID: store.id, on: t.app.db)
            #expect(parcelsByRow.count == 1 && ordersByRow.count == 1)
            #expect(try json(parcelsByRow) == json(parcelsByFluent))
            #expect(try json(ordersByRow) == json(ordersByFluent))
            #expect(parcelsByRow.first?.items.first?.sku == "CANDLE")
            #expect(ordersByRow.first?.shippingAddress?.city == "Brooklyn")
            #expect(parcelsByRow.first?.deliveredAt != nil)
        }
    }

    @Test("Rows of another store are not read", arguments: TestDatabase.all)
    func scopedToStore(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let store = try await t.createStore()
            let other = try await t.createStore(slug: "other")
            let order = try await t.createOrder(store.key)
            _ = try await t.addShipment(store.key, orderID: try #require(order["id"] as? String), number: "1Z999AA10123456784")
            #expect(try await ShipmentRecord.read(where: "1 = 1", storeID: other.id, on: t.app.db).isEmpty)
            #expect(try await OrderRecord.read(where: "1 = 1", storeID: other.id, on: t.app.db).isEmpty)
        }
    }

    private func json(_ models: [some Encodable]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(models), as: UTF8.self)
    }
}
