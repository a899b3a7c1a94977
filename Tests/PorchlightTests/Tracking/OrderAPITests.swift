import Foundation
import Testing
import VaporTesting
@testable import Porchlight

@Suite("Orders API")
struct OrderAPITests {
    @Test("Creating an order answers 201 with a private tracking link", arguments: TestDatabase.all)
    func createsOrderWithPrivateLink(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let store = try await t.createStore()
            let order = try await t.createOrder(store.key)
            let link = try #require(order["tracking_url"] as? String)
            #expect(link.hasPrefix(TestHarness.publicURL + "/t/"))
            #expect(link.split(separator: "/").last?.count == 32)
            #expect(order["status"] as? String == "Pending")
            #expect((order["line_items"] as? [Any])?.count == 2)
            let fetched = try await t.send(.GET, "/api/v1/orders/\(order["id"]!)", key: store.key)
            #expect(fetched.status == .ok)
            #expect(try fetched.jsonObject()["order_number"] as? String == "1001")
        }
    }

    @Test("The same Idempotency-Key or order number never makes a second order", arguments: TestDatabase.all)
    func idempotentCreation(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let store = try await t.createStore()
            let body = #"{"order_number": "A-1", "email": "a@example.com"}"#
            let first = try await t.send(.POST, "/api/v1/orders", key: store.key, json: body, headers: [("Idempotency-Key", "k1")])
            let again = try await t.send(.POST, "/api/v1/orders", key: store.key, json: body, headers: [("Idempotency-Key", "k1")])
            let sameNumber = try await t.send(.POST, "/api/v1/orders", key: store.key, json: body)
            #expect(first.status == .created)
            #expect(again.status == .ok)
            #expect(sameNumber.status == .ok)
            let ids = try [first, again, sameNumber].map { try $0.jsonObject()["id"] as? String }
            #expect(Set(ids).count == 1)
            let reused = try await t.send(.POST, "/api/v1/orders", key: store.key,
                                          json: #"{"order_number": "A-2", "email": "a@example.com"}"#,
                                          headers: [("Idempotency-Key", "k1")])
            #expect(reused.status == .conflict)
            let list = try await t.send(.GET, "/api/v1/orders", key: store.key)
            #expect(try list.jsonObject()["total"] as? Int == 1)
        }
    }

    @Test("Concurrent duplicates still make one order", arguments: TestDatabase.all)
    func concurrentDuplicates(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let store = try await t.createStore()
            let ids = try await withThrowingTaskGroup(of: String?.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        let response = try await t.send(.POST, "/api/v1/orders", key: store.key,
                                                        json: #"{"order_number": "RACE-1", "email": "r@example.com"}"#)
                        return try response.jsonObject()["id"] as? String
                    }
                }
                return try await group.reduce(into: Set<String?>()) { $0.insert($1) }
            }
            #expect(ids.count == 1)
            #expect(!ids.contains(nil))
        }
    }

    @Test("Bad input gets a clear 4xx JSON error", arguments: TestDatabase.all)
    func badInput(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let store = try await t.createStore()
            let cases: [(String?, String, HTTPStatus, String)] = [
                (store.key, "{not json", .badRequest, "malformed_json"),
                (store.key, #"{"order_number": "1"}"#, .unprocessableEntity, "invalid_body"),
                (store.key, #"{"order_number": "1", "email": "nope"}"#, .unprocessableEntity, "validation_failed"),
                (store.key, #"{"order_number": "1", "email": "a@b.co", "time_zone": "Mars/Base"}"#, .unprocessableEntity, "validation_failed"),
                (store.key, #"{"order_number": "1", "email": "a@b.co", "line_items": [{"title": "x", "quantity": 1, "price": "1,5"}]}"#,
                 .unprocessableEntity, "validation_failed"),
                (store.key, #"{"order_number": "1", "email": "a@b.co", "placed_at": "yesterday"}"#, .unprocessableEntity, "invalid_body"),
                (nil, #"{"order_number": "1", "email": "a@b.co"}"#, .unauthorized, "unauthorized"),
                ("pl_live_wrong", #"{"order_number": "1", "email": "a@b.co"}"#, .unauthorized, "unauthorized"),
            ]
            for (key, body, status, code) in cases {
                let response = try await t.send(.POST, "/api/v1/orders", key: key, json: body)
                #expect(response.status == status, "\(body) -> \(response.body.string)")
                #expect(response.errorCode == code, "\(body) -> \(response.body.string)")
            }
            let missing = try await t.send(.GET, "/api/v1/orders/not-a-uuid", key: store.key)
            #expect(missing.status == .notFound)
            #expect(missing.errorCode == "not_found")
            let badStatus = try await t.send(.GET, "/api/v1/orders?status=Lost", key: store.key)
            #expect(badStatus.errorCode == "unknown_status")
            for query in ["per_page=201", "page=0", "page=\(Int.max)", "page=-1"] {
                let outOfRange = try await t.send(.GET, "/api/v1/orders?\(query)", key: store.key)
                #expect(outOfRange.errorCode == "validation_failed", "\(query)")
            }
            let noContentType = try await t.send(.POST, "/api/v1/orders", key: store.key)
            #expect(noContentType.status == .unsupportedMediaType)
            #expect(noContentType.errorCode == "unsupported_media_type")
        }
    }

    @Test("Orders list pages and filters by status", arguments: TestDatabase.all)
    func listing(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let store = try await t.createStore()
            for number in 1...5 { _ = try await t.createOrder(store.key, number: "N-\(number)") }
            let delivered = try await t.createOrder(store.key, number: "N-6")
            let shipment = try await t.addShipment(store.key, orderID: delivered["id"] as! String, number: "1Z0001")
            try await t.addEvent(store.key, shipmentID: shipment, status: "Delivered", at: "2026-11-22T10:00:00Z")
            let page = try await t.send(.GET, "/api/v1/orders?per_page=4&page=2", key: store.key).jsonObject()
            #expect(page["total"] as? Int == 6)
            #expect((page["data"] as? [Any])?.count == 2)
            let filtered = try await t.send(.GET, "/api/v1/orders?status=Delivered", key: store.key).jsonObject()
            let numbers = (filtered["data"] as? [[String: Any]])?.compactMap { $0["order_number"] as? String }
            #expect(numbers == ["N-6"])
        }
    }
}
