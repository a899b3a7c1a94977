import Foundation
import Testing
import VaporTesting
@testable import Porchlight

@Suite("Stalled and expired parcels")
struct TrackingHealthJobTests {
    @Test("A parcel that stops moving raises one delay alert; one the carrier never hears of expires", arguments: TestDatabase.all)
    func stalledAndExpired(_ db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            t.clock.set(ISO8601DateFormatter().date(from: "2026-11-20T15:00:00Z")!)
            let store = try await t.createStore()
            let (order, moving) = try await t.orderWithParcel(store.key, number: "1Z999AA10123456784", carrier: "UPS",
                                                              placedAt: "2026-11-20T10:00:00Z", shippedAt: "2026-11-20T12:00:00Z")
            let (_, silent) = try await t.orderWithParcel(store.key, number: "9400111899223197428490", carrier: "USPS",
                                                          placedAt: "2026-11-20T10:00:00Z", shippedAt: "2026-11-20T12:00:00Z")
            try await t.addEvent(store.key, shipmentID: moving["id"] as! String, status: "InTransit", at: "2026-11-20T14:00:00Z")
            try await t.drainJobs()

            t.clock.advance(by: 5 * 86_400)
            try await t.drainJobs()
            let orderID = order["id"] as! String
            let parcels = try await t.send(.GET, "/api/v1/orders/\(orderID)", key: store.key).jsonObject()["shipments"] as? [[String: Any]] ?? []
            let stalled = parcels.first { $0["id"] as? String == moving["id"] as? String } ?? [:]
            #expect(stalled["status"] as? String == "InTransit")
            #expect(stalled["substatus"] as? String == "InTransit_005")

            t.clock.advance(by: 3 * 86_400)
            try await t.drainJobs()
            let timeline = try await t.send(.GET, "/api/v1/orders/\(orderID)/messages", key: store.key).jsonObject()
            let delays = (timeline["messages"] as? [[String: Any]] ?? []).filter {
                $0["type"] as? String == "exception" && $0["substatus"] as? String == "InTransit_005"
            }
            #expect(delays.count == 1, "\(timeline)")

            t.clock.advance(by: 25 * 86_400)
            try await t.drainJobs()
            let after = try await t.send(.GET, "/api/v1/orders/\(orderID)", key: store.key).jsonObject()["shipments"] as? [[String: Any]] ?? []
            #expect(after.first { $0["id"] as? String == silent["id"] as? String }?["status"] as? String == "Expired")
        }
    }
}
