import Foundation
import Testing
import Vapor
import VaporTesting
@testable import Porchlight

@Suite("Carrier and aggregator webhooks")
struct CarrierWebhookTests {
    static let number = "1Z999AA10123456784"

    static func easyPostSignature(_ body: String, secret: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(body.utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return "hmac-sha256-hex=" + mac.map { String(format: "%02x", $0) }.joined()
    }

    static func afterShipSignature(_ body: String, secret: String) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: Data(body.utf8), using: SymmetricKey(data: Data(secret.utf8)))).base64EncodedString()
    }

    @Test("A signed EasyPost update lands on the parcel; bad signatures store nothing; a replay sends no second email",
          arguments: TestDatabase.all)
    func easyPost(_ db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            t.clock.set(ISO8601DateFormatter().date(from: "2025-03-12T18:00:00Z")!)
            let store = try await t.createStore()
            let put = try await t.send(.PUT, "/api/v1/integrations/easypost", key: store.key, json: #"{"webhook_secret": "whsec-maple-1"}"#)
            #expect(try put.jsonObject()["webhook_url"] as? String == "\(TestHarness.publicURL)/webhooks/easypost/maple")
            let (order, _) = try await t.orderWithParcel(store.key, number: Self.number, carrier: "UPS",
                                                         placedAt: "2025-03-09T10:00:00Z", shippedAt: "2025-03-10T15:00:00Z")
            let orderID = order["id"] as! String
            let body = try Fixture.string("webhooks/easypost/tracker_updated_delivered.json")
            let signature = Self.easyPostSignature(body, secret: "whsec-maple-1")

            let tampered = try await t.send(.POST, "/webhooks/easypost/maple", json: body.replacingOccurrences(of: "delivered", with: "returned"),
                                            headers: [("X-Hmac-Signature", signature)])
            #expect(tampered.status == .unauthorized && tampered.errorCode == "invalid_signature")
            let unsigned = try await t.send(.POST, "/webhooks/easypost/maple", json: body)
            #expect(unsigned.status == .unauthorized)
            let wrongSecret = try await t.send(.POST, "/webhooks/easypost/maple", json: body,
                                               headers: [("X-Hmac-Signature", Self.easyPostSignature(body, secret: "guess"))])
            #expect(wrongSecret.status == .unauthorized)
            let untouched = try await t.shipment(store.key, orderID: orderID)
            #expect((untouched["events"] as? [Any] ?? []).isEmpty)

            let accepted = try await t.send(.POST, "/webhooks/easypost/maple", json: body, headers: [("X-Hmac-Signature", signature)])
            #expect(accepted.status == .ok, "\(accepted.body.string)")
            #expect(try accepted.jsonObject()["status"] as? String == "accepted")
            #expect(try accepted.jsonObject()["events"] as? Int ?? 0 > 0)
            let shipment = try await t.shipment(store.key, orderID: orderID)
            #expect(shipment["status"] as? String == "Delivered", "applied before the answer, with no worker run")
            try await t.drainJobs()
            let eventCount = (shipment["events"] as? [Any])?.count ?? 0

            let replay = try await t.send(.POST, "/webhooks/easypost/maple", json: body, headers: [("X-Hmac-Signature", signature)])
            let replayStatus = try replay.jsonObject()["status"] as? String
            #expect(replay.status == .ok && replayStatus == "duplicate")
            // The same events under a new delivery id are taken in, and then recognised by their content.
            let resent = body.replacingOccurrences(of: #""id": "evt_"#, with: #""id": "evt_resent_"#)
            #expect(resent != body)
            let second = try await t.send(.POST, "/webhooks/easypost/maple", json: resent,
                                          headers: [("X-Hmac-Signature", Self.easyPostSignature(resent, secret: "whsec-maple-1"))])
            #expect(try second.jsonObject()["status"] as? String == "accepted")
            try await t.drainJobs()
            #expect((try await t.shipment(store.key, orderID: orderID)["events"] as? [Any])?.count == eventCount)
            let messages = try await t.send(.GET, "/api/v1/orders/\(orderID)/messages", key: store.key).jsonObject()
            let delivered = (messages["messages"] as? [[String: Any]] ?? []).filter { $0["type"] as? String == "delivered" }
            #expect(delivered.count == 1)
        }
    }

    @Test("Events for a number the store hasn't sent yet are held, then applied when the parcel arrives",
          arguments: TestDatabase.all)
    func heldUntilParcelArrives(_ db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            t.clock.set(ISO8601DateFormatter().date(from: "2025-04-15T14:00:00Z")!)
            let store = try await t.createStore()
            try await t.send(.PUT, "/api/v1/integrations/ups", key: store.key, json: #"{"webhook_secret": "ups-credential-7"}"#)
            let body = try Fixture.string("webhooks/ups/track_alert_out_for_delivery.json")
            let wrong = try await t.send(.POST, "/webhooks/ups/maple", json: body, headers: [("credential", "ups-credential-8")])
            #expect(wrong.status == .unauthorized)
            let held = try await t.send(.POST, "/webhooks/ups/maple", json: body, headers: [("credential", "ups-credential-7")])
            let heldStatus = try held.jsonObject()["status"] as? String
            #expect(held.status == .ok && heldStatus == "accepted", "\(held.body.string)")
            try await t.drainJobs()

            let (order, _) = try await t.orderWithParcel(store.key, number: Self.number, carrier: "UPS",
                                                         placedAt: "2025-04-12T10:00:00Z", shippedAt: "2025-04-14T15:00:00Z")
            try await t.drainJobs()
            let shipment = try await t.shipment(store.key, orderID: order["id"] as! String)
            #expect(shipment["status"] as? String == "OutForDelivery")
            #expect(shipment["estimated_delivery"] as? [String: String] == ["earliest": "2025-04-15", "latest": "2025-04-15"])

            // Out of order: the delivery arrives, then a late copy of "out for delivery"; delivered stays.
            let delivered = try Fixture.string("webhooks/ups/track_alert_delivered.json")
            try await t.send(.POST, "/webhooks/ups/maple", json: delivered, headers: [("credential", "ups-credential-7")])
            try await t.drainJobs()
            try await t.send(.POST, "/webhooks/ups/maple", json: body, headers: [("credential", "ups-credential-7")])
            try await t.drainJobs()
            #expect(try await t.shipment(store.key, orderID: order["id"] as! String)["status"] as? String == "Delivered")
        }
    }

    @Test("Unknown codes are kept raw, counted, and a store override maps them from then on", arguments: TestDatabase.all)
    func unknownCodes(_ db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            t.clock.set(ISO8601DateFormatter().date(from: "2025-06-10T14:00:00Z")!)
            let store = try await t.createStore()
            try await t.send(.PUT, "/api/v1/integrations/aftership", key: store.key, json: #"{"webhook_secret": "as-secret"}"#)
            let (order, _) = try await t.orderWithParcel(store.key, number: "392847165092", carrier: "FedEx",
                                                         placedAt: "2025-06-08T10:00:00Z", shippedAt: "2025-06-09T15:00:00Z")
            let body = try Fixture.string("webhooks/aftership/tracking_update_exception.json")
                .replacingOccurrences(of: "Exception_004", with: "Exception_099")
            let response = try await t.send(.POST, "/webhooks/aftership/maple", json: body,
                                            headers: [("aftership-hmac-sha256", Self.afterShipSignature(body, secret: "as-secret"))])
            #expect(response.status == .ok, "\(response.body.string)")
            try await t.drainJobs()
            let unknown = try await t.send(.GET, "/api/v1/carriers/unknown-codes", key: store.key)
            #expect(unknown.body.string.contains("Exception_099"), "\(unknown.body.string)")
            let shipment = try await t.shipment(store.key, orderID: order["id"] as! String)
            #expect(shipment["status"] as? String == "Exception", "an unknown subtag falls back to its tag")
            let events = shipment["events"] as? [[String: Any]] ?? []
            #expect(events.contains { $0["carrier_code"] as? String == "Exception_099" })

            let override = try await t.send(.PUT, "/api/v1/carriers/aftership/status-map/Exception_099", key: store.key,
                                            json: #"{"status": "InTransit", "substatus": "InTransit_005"}"#)
            #expect(override.status == .ok)
            let map = try await t.send(.GET, "/api/v1/carriers/aftership/status-map", key: store.key)
            #expect(map.body.string.contains("\"origin\":\"override\""))
            let bad = try await t.send(.PUT, "/api/v1/carriers/aftership/status-map/X", key: store.key,
                                       json: #"{"status": "InTransit", "substatus": "Delivered_001"}"#)
            #expect(bad.status == .unprocessableEntity)
        }
    }
}
