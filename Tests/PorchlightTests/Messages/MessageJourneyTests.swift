import Fluent
import Foundation
import Testing
@testable import Porchlight

@Suite("The message journey, end to end through the queue into the outbox")
struct MessageJourneyTests {
    /// 15:00 in New York, outside quiet hours.
    static let afternoon = Date.t0.addingTimeInterval(8 * 3_600)
    static let placed = "2026-11-22T19:00:00Z"

    func outbox(_ t: TestHarness) async throws -> [OutboxEmailRecord] {
        try await OutboxEmailRecord.query(on: t.app.db).sort(\.$createdAt).all()
    }

    func messages(_ t: TestHarness, _ key: String, _ orderID: String) async throws -> [[String: Any]] {
        let body = try await t.send(.GET, "/api/v1/orders/\(orderID)/messages", key: key).jsonObject()
        return body["messages"] as? [[String: Any]] ?? []
    }

    func types(_ emails: [OutboxEmailRecord]) -> [String] {
        emails.compactMap { $0.mime.components(separatedBy: "X-Porchlight-Message-Type: ").dropFirst().first?
            .prefix { !$0.isNewline }.description }
    }

    @Test("confirmation at once, then shipped, delivered and the follow-ups at their times", arguments: TestDatabase.all)
    func fullJourney(_ database: TestDatabase) async throws {
        try await TestHarness.run(database) { t in
            t.clock.set(Self.afternoon)
            let store = try await t.createStore()
            let order = try await t.createOrder(store.key, placedAt: "2026-11-22T19:55:00Z")
            let orderID = order["id"] as? String ?? ""
            let worker = t.app.makeWorker(name: "test")
            try await worker.drain()
            var sent = try await outbox(t)
            #expect(types(sent) == ["order_confirmation"])
            let confirmation = try #require(sent.first)
            #expect(confirmation.recipient == "ada@example.com")
            #expect(confirmation.mime.contains("Reply-To: Maple & Moss <help@maple.example>"))
            #expect(confirmation.mime.contains("From: Maple & Moss <notifications@porchlight.local>"))
            #expect(!confirmation.mime.contains("List-Unsubscribe"), "confirmations answer a purchase")
            #expect(confirmation.html.contains(t.trackingPath(order)))
            #expect(confirmation.text.contains("Fir candle"))

            let parcel = try await t.addShipment(store.key, orderID: orderID, number: "1Z999AA10123456784")
            try await t.addEvent(store.key, shipmentID: parcel, status: "InTransit", at: "2026-11-22T19:58:00Z")
            try await worker.drain()
            #expect(types(try await outbox(t)).count == 1, "status messages wait a few minutes to coalesce")
            t.clock.advance(by: 5 * 60)
            try await worker.drain()
            sent = try await outbox(t)
            #expect(types(sent) == ["order_confirmation", "shipped"])
            #expect(sent[1].mime.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"))
            #expect(sent[1].text.contains("1Z999AA10123456784"))

            try await t.addEvent(store.key, shipmentID: parcel, status: "Delivered", at: "2026-11-22T20:10:00Z")
            t.clock.advance(by: 5 * 60)
            try await worker.drain()
            #expect(types(try await outbox(t)).last == "delivered")

            // Reassurance came due 36 h after purchase; the order was delivered by then, so it is skipped.
            t.clock.advance(by: 2 * 86_400)
            try await worker.drain()
            #expect(types(try await outbox(t)).last == "check_in")
            t.clock.advance(by: 2 * 86_400)
            try await worker.drain()
            #expect(types(try await outbox(t)).last == "review_request")

            let timeline = try await messages(t, store.key, orderID)
            let statuses = Dictionary(uniqueKeysWithValues: timeline.map { ($0["type"] as? String ?? "", $0["status"] as? String ?? "") })
            #expect(statuses == ["order_confirmation": "sent", "shipped": "sent", "delivered": "sent",
                                 "reassurance": "skipped", "check_in": "sent", "review_request": "sent"])
            let skipped = timeline.first { $0["type"] as? String == "reassurance" }
            #expect(skipped?["skip_reason"] as? String == "already delivered")
        }
    }

    @Test("replaying events and order webhooks never sends twice", arguments: TestDatabase.all)
    func replaysSendOnce(_ database: TestDatabase) async throws {
        try await TestHarness.run(database) { t in
            t.clock.set(Self.afternoon)
            let store = try await t.createStore()
            let order = try await t.createOrder(store.key, placedAt: Self.placed)
            _ = try await t.createOrder(store.key, placedAt: Self.placed)
            let parcel = try await t.addShipment(store.key, orderID: order["id"] as? String ?? "", number: "1Z1")
            for _ in 0..<3 {
                try await t.addEvent(store.key, shipmentID: parcel, status: "OutForDelivery", at: "2026-11-22T19:00:00Z")
            }
            t.clock.advance(by: 600)
            try await t.app.makeWorker(name: "a").drain()
            try await t.app.makeWorker(name: "b").drain()
            #expect(Set(types(try await outbox(t))) == ["order_confirmation", "out_for_delivery"])
            #expect(try await outbox(t).count == 2)
        }
    }

    @Test("a split order's parcels shipping together make one message", arguments: TestDatabase.all)
    func splitShipmentsCoalesce(_ database: TestDatabase) async throws {
        try await TestHarness.run(database) { t in
            t.clock.set(Self.afternoon)
            let store = try await t.createStore()
            let orderID = try await t.createOrder(store.key, placedAt: Self.placed)["id"] as? String ?? ""
            let first = try await t.addShipment(store.key, orderID: orderID, number: "1ZA", skus: ["CANDLE"])
            let second = try await t.addShipment(store.key, orderID: orderID, number: "1ZB", skus: ["TEA"])
            try await t.addEvent(store.key, shipmentID: first, status: "InTransit", at: "2026-11-22T19:00:00Z")
            t.clock.advance(by: 120)
            try await t.addEvent(store.key, shipmentID: second, status: "InTransit", at: "2026-11-22T19:02:00Z")
            t.clock.advance(by: 600)
            try await t.app.makeWorker().drain()
            let sent = try await outbox(t)
            #expect(Set(types(sent)) == ["order_confirmation", "shipped"])
            let shipped = sent.first { $0.mime.contains("Message-Type: shipped") }
            #expect(shipped?.text.contains("1ZA") == true && shipped?.text.contains("1ZB") == true)
        }
    }

    @Test("no out-for-delivery news after the parcel was delivered", arguments: TestDatabase.all)
    func staleDropped(_ database: TestDatabase) async throws {
        try await TestHarness.run(database) { t in
            t.clock.set(Self.afternoon)
            let store = try await t.createStore()
            let orderID = try await t.createOrder(store.key, placedAt: Self.placed)["id"] as? String ?? ""
            let parcel = try await t.addShipment(store.key, orderID: orderID, number: "1ZC")
            try await t.addEvent(store.key, shipmentID: parcel, status: "OutForDelivery", at: "2026-11-22T19:00:00Z")
            try await t.addEvent(store.key, shipmentID: parcel, status: "Delivered", at: "2026-11-22T19:01:00Z")
            t.clock.advance(by: 600)
            try await t.app.makeWorker().drain()
            #expect(Set(types(try await outbox(t))) == ["order_confirmation", "delivered"], "sent in the same batch")
            let skipped = try await messages(t, store.key, orderID).first { $0["type"] as? String == "out_for_delivery" }
            #expect(skipped?["skip_reason"] as? String == "stale: the parcel is now Delivered")
        }
    }

    @Test("a cancelled order stops its follow-ups; an unsubscribe stops its category at once", arguments: TestDatabase.all)
    func stopsFollowUps(_ database: TestDatabase) async throws {
        try await TestHarness.run(database) { t in
            t.clock.set(Self.afternoon)
            let store = try await t.createStore()
            let order = try await t.createOrder(store.key, placedAt: "2026-11-22T19:55:00Z")
            let orderID = order["id"] as? String ?? ""
            try await t.app.makeWorker().drain()
            let patched = try await t.send(.PATCH, "/api/v1/orders/\(orderID)", key: store.key, json: #"{"state": "cancelled"}"#)
            #expect(patched.status == .ok)
            #expect(try await t.send(.PATCH, "/api/v1/orders/\(orderID)", key: store.key, json: #"{"state": "lost"}"#).status
                == .unprocessableEntity)
            t.clock.advance(by: 2 * 86_400)
            try await t.app.makeWorker().drain()
            let reassurance = try await messages(t, store.key, orderID).first { $0["type"] as? String == "reassurance" }
            #expect(reassurance?["skip_reason"] as? String == "order cancelled")

            let other = try await t.createOrder(store.key, number: "1002", placedAt: Self.placed)
            let parcel = try await t.addShipment(store.key, orderID: other["id"] as? String ?? "", number: "1ZD")
            let unsubscribe = t.trackingPath(other) + "/unsubscribe?c=shipping"
            #expect(try await t.send(.GET, unsubscribe).status == .ok, "a GET only asks, so link scanners change nothing")
            #expect(try await t.send(.POST, unsubscribe, form: "List-Unsubscribe=One-Click").status == .ok)
            try await t.addEvent(store.key, shipmentID: parcel, status: "InTransit", at: "2026-11-24T19:00:00Z")
            t.clock.advance(by: 600)
            try await t.app.makeWorker().drain()
            #expect(!types(try await outbox(t)).contains("shipped"))
        }
    }
}
