import Foundation
import SQLKit
import Testing
@testable import Porchlight

@Suite("Carrier webhooks applied in batches")
struct CarrierBatchTests {
    /// A burst as carriers send it: late, out of order, resent under a new id, and one for a parcel the
    /// store has not told us about yet.
    static let burst: [(id: String, number: String, status: String, at: String)] = [
        ("evt_a1_delivered", "1ZBATCHA0000001", "delivered", "2025-05-08T15:00:00Z"),
        ("evt_a1_transit", "1ZBATCHA0000001", "in_transit", "2025-05-06T09:00:00Z"),
        ("evt_a1_out", "1ZBATCHA0000001", "out_for_delivery", "2025-05-08T08:00:00Z"),
        ("evt_a2_transit", "1ZBATCHA0000002", "in_transit", "2025-05-06T10:00:00Z"),
        ("evt_a2_delivered", "1ZBATCHA0000002", "delivered", "2025-05-08T16:00:00Z"),
        ("evt_b1_transit", "1ZBATCHB0000001", "in_transit", "2025-05-07T11:00:00Z"),
        ("evt_b1_resent", "1ZBATCHB0000001", "in_transit", "2025-05-07T11:00:00Z"),
        ("evt_unknown", "1ZBATCHC0000001", "in_transit", "2025-05-07T12:00:00Z"),
    ]

    static func body(_ event: (id: String, number: String, status: String, at: String)) -> String {
        """
        {"id": "\(event.id)", "object": "Event", "description": "tracker.updated",
         "result": {"id": "trk_\(event.number)", "object": "Tracker", "tracking_code": "\(event.number)", "carrier": "UPS",
                    "status": "\(event.status)",
                    "tracking_details": [{"object": "TrackingDetail", "message": "Scan: \(event.status)", "status": "\(event.status)",
                                          "datetime": "\(event.at)", "tracking_location": {"city": "Louisville", "state": "KY"}}]}}
        """
    }

    @Test("A burst applied as one batch ends exactly where applying it delivery by delivery does, and says 'delivered' once",
          arguments: TestDatabase.all)
    func burstMatchesOneByOne(_ db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            t.clock.set(ISO8601DateFormatter().date(from: "2025-05-08T18:00:00Z")!)
            var outcomes: [[String]] = []
            for (slug, oneByOne) in [("batched", false), ("single", true)] {
                let store = try await t.createStore(slug: slug)
                try await t.send(.PUT, "/api/v1/integrations/easypost", key: store.key, json: #"{"webhook_secret": "whsec-batch"}"#)
                let orderA = try await t.createOrder(store.key, number: "A-1", placedAt: "2025-05-04T10:00:00Z")["id"] as! String
                let orderB = try await t.createOrder(store.key, number: "B-1", placedAt: "2025-05-04T10:00:00Z")["id"] as! String
                for (orderID, number) in [(orderA, "1ZBATCHA0000001"), (orderA, "1ZBATCHA0000002"), (orderB, "1ZBATCHB0000001")] {
                    try await t.send(.POST, "/api/v1/orders/\(orderID)/shipments", key: store.key,
                                     json: #"{"carrier": "UPS", "tracking_number": "\#(number)", "shipped_at": "2025-05-05T15:00:00Z"}"#)
                }
                try await t.drainJobs()
                for event in Self.burst {
                    let body = Self.body(event)
                    let response = try await t.send(.POST, "/webhooks/easypost/\(slug)", json: body,
                                                    headers: [("X-Hmac-Signature", CarrierWebhookTests.easyPostSignature(body, secret: "whsec-batch"))])
                    #expect(response.status == .ok, "\(response.body.string)")
                    if oneByOne { try await t.drainJobs() }
                }
                try await t.drainJobs()
                outcomes.append(try await Self.describe(t, store.key, orders: [orderA, orderB]))
                let messages = try await t.send(.GET, "/api/v1/orders/\(orderA)/messages", key: store.key).jsonObject()
                let delivered = (messages["messages"] as? [[String: Any]] ?? []).filter { $0["type"] as? String == "delivered" }
                #expect(delivered.count == 1, "\(slug): the order's delivery is announced once")
                let held = try await CarrierInbox(database: t.app.db, world: t.app.world, storeID: store.id)
                    .claim(trackingNumber: "1ZBATCHC0000001")
                #expect(held.count == 1, "\(slug): the unknown parcel's event waits in the inbox")
            }
            #expect(outcomes[0] == outcomes[1])
            #expect(outcomes[0].first?.hasPrefix("Delivered | Delivered:3 - 2025-05-08T15:00:00Z Delivered:2") == true, "\(outcomes[0])")
            #expect(outcomes[0].first?.contains("2/2") == true, "\(outcomes[0])")
            #expect(outcomes[0].last?.hasPrefix("InTransit | InTransit:1") == true, "\(outcomes[0])")
            #expect(outcomes[0].last?.contains("easypost") == true, "pushed parcels are marked as such: \(outcomes[0])")
        }
    }

    /// What a customer sees of each order (status, summary, each parcel's status, events and window) and
    /// what the stored rows say besides: parcel counts, windows, last movement and who pushes.
    static func describe(_ t: TestHarness, _ key: String, orders: [String]) async throws -> [String] {
        var lines: [String] = []
        for orderID in orders {
            let order = try await t.send(.GET, "/api/v1/orders/\(orderID)", key: key).jsonObject()
            let parcels = (order["shipments"] as? [[String: Any]] ?? []).map { parcel in
                "\(parcel["status"] ?? ""):\((parcel["events"] as? [Any])?.count ?? -1)"
                    + " \(window(parcel["estimated_delivery"])) \(parcel["delivered_at"] ?? "-")"
            }
            let row = try await t.app.db.sql.raw("""
                SELECT parcels_total, parcels_delivered, estimated_earliest, estimated_latest FROM orders WHERE id = \(bind: UUID(uuidString: orderID)!)
                """).first(decoding: OrderRow.self)
            let parcelRows = try await t.app.db.sql.raw("""
                SELECT last_movement_at, push_provider, estimate_source FROM shipments
                WHERE order_id = \(bind: UUID(uuidString: orderID)!) ORDER BY position
                """).all(decoding: ParcelRow.self)
            lines.append("\(order["status"] ?? "") | " + parcels.joined(separator: " ")
                         + " | \(order["status_summary"] ?? "") \(window(order["estimated_delivery"])) | "
                         + (order["status"] as? String == "Delivered" ? row.map { "\($0.parcels_delivered)/\($0.parcels_total)" } ?? "" : "\(row.map(String.init(describing:)) ?? "")")
                         + " \(parcelRows)")
        }
        return lines
    }

    /// Once an order is delivered its stored window is never shown, and which one it kept depends on the
    /// order its parcels arrived in, so only the counts are compared then.
    static func window(_ value: Any?) -> String {
        guard let window = value as? [String: String] else { return "-" }
        return "\(window["earliest"] ?? "?")..\(window["latest"] ?? "?")"
    }

    struct OrderRow: Decodable, CustomStringConvertible {
        var parcels_total: Int, parcels_delivered: Int, estimated_earliest: String?, estimated_latest: String?
        var description: String { "\(parcels_delivered)/\(parcels_total) \(estimated_earliest ?? "-")..\(estimated_latest ?? "-")" }
    }

    struct ParcelRow: Decodable, CustomStringConvertible {
        var last_movement_at: Date?, push_provider: String?, estimate_source: String?
        var description: String { "\(last_movement_at.map { "\($0)" } ?? "-") \(push_provider ?? "-") \(estimate_source ?? "-")" }
    }
}
