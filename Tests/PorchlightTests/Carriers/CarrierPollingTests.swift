import Foundation
import Testing
import VaporTesting
@testable import Porchlight

@Suite("Polling carrier APIs")
struct CarrierPollingTests {
    static let upsNumber = "1Z999AA10123456784"
    static let tokenPath = "POST /security/v1/oauth/token"
    static let trackPath = "GET /api/track/v1/details/1Z999AA10123456784"

    @Test("A UPS parcel is detected, polled with one cached token, and its scans become events", arguments: TestDatabase.all)
    func upsPolling(_ db: TestDatabase) async throws {
        try await withStubCarrier(db, clock: "2024-04-24T12:00:00Z") { t, stub in
            await stub.on(Self.tokenPath, try .fixture("carriers/ups/token.json"))
            await stub.on(Self.trackPath, try .fixture("carriers/ups/track-in-transit.json"),
                          try .fixture("carriers/ups/track-delivered.json"))
            let store = try await t.createStore()
            let put = try await t.send(.PUT, "/api/v1/integrations/ups", key: store.key,
                                       json: #"{"client_id": "porchlight-test-client", "client_secret": "ups-secret-9876"}"#)
            #expect(put.status == .ok)
            #expect(put.body.string.contains("…9876") && !put.body.string.contains("ups-secret-9876"))

            let (order, created) = try await t.orderWithParcel(store.key, number: Self.upsNumber,
                                                               placedAt: "2024-04-20T10:00:00Z", shippedAt: "2024-04-22T15:00:00Z")
            #expect(created["carrier_code"] as? String == "ups")
            #expect(created["carrier_detection"] as? String == "detected")
            try await t.drainJobs()
            var shipment = try await t.shipment(store.key, orderID: order["id"] as! String)
            #expect(shipment["status"] as? String == "InTransit")
            let events = shipment["events"] as? [[String: Any]] ?? []
            #expect(events.count >= 3)
            #expect(events.contains { ($0["location"] as? String)?.hasPrefix("Louisville, KY") == true })
            #expect(events.allSatisfy { $0["carrier_code"] is String })

            t.clock.advance(by: 3 * 3_600)
            try await t.drainJobs()
            shipment = try await t.shipment(store.key, orderID: order["id"] as! String)
            #expect(shipment["status"] as? String == "Delivered")
            #expect(await stub.requests(Self.tokenPath).count == 1)
            let polls = await stub.requests(Self.trackPath)
            #expect(polls.count == 2)
            #expect(polls.allSatisfy { $0.headers["authorization"] == "Bearer eyJraWQiOiJ0ZXN0IiwiYWxnIjoiUlMzODQifQ.ups-test-token" })

            // Delivered parcels are never polled again.
            t.clock.advance(by: 3 * 86_400)
            try await t.drainJobs()
            #expect(await stub.requests(Self.trackPath).count == 2)
        }
    }

    @Test("A 429 waits for Retry-After; a 500 backs off; a malformed body is refused without harm", arguments: TestDatabase.all)
    func politeness(_ db: TestDatabase) async throws {
        try await withStubCarrier(db, clock: "2024-04-24T12:00:00Z") { t, stub in
            await stub.on(Self.tokenPath, try .fixture("carriers/ups/token.json"))
            await stub.on(Self.trackPath,
                          .init(status: 429, headers: ["Retry-After": "120"], body: #"{"response":{"errors":[]}}"#),
                          .init(status: 500, body: "upstream failure"),
                          try .fixture("carriers/ups/track-malformed.json"),
                          try .fixture("carriers/ups/track-in-transit.json"))
            let store = try await t.createStore()
            try await t.send(.PUT, "/api/v1/integrations/ups", key: store.key,
                             json: #"{"client_id": "porchlight-test-client", "client_secret": "ups-secret-9876"}"#)
            let (order, _) = try await t.orderWithParcel(store.key, number: Self.upsNumber, carrier: "UPS Ground",
                                                         placedAt: "2024-04-20T10:00:00Z", shippedAt: "2024-04-22T15:00:00Z")
            try await t.drainJobs()
            #expect(await stub.requests(Self.trackPath).count == 1)

            t.clock.advance(by: 100)
            try await t.drainJobs()
            #expect(await stub.requests(Self.trackPath).count == 1, "Retry-After: 120 is honoured")

            t.clock.advance(by: 40)
            try await t.drainJobs()
            #expect(await stub.requests(Self.trackPath).count == 2, "asked again after Retry-After; got a 500")

            t.clock.advance(by: 20 * 60)
            try await t.drainJobs()
            #expect(await stub.requests(Self.trackPath).count == 3, "asked again after backing off; got a bad body")
            #expect(try await t.shipment(store.key, orderID: order["id"] as! String)["status"] as? String == "Pending")

            // A parcel the carrier has said nothing readable about is asked about again within pre-transit hours.
            t.clock.advance(by: 7 * 3_600)
            try await t.drainJobs()
            #expect(try await t.shipment(store.key, orderID: order["id"] as! String)["status"] as? String == "InTransit")
            let jobs = try await t.send(.GET, "/api/v1/jobs", key: store.key).jsonObject()
            #expect((jobs["dead"] as? [Any])?.isEmpty ?? true, "polling never gives up a job to the dead letters")
        }
    }

    @Test("Refresh polls now and answers with the parcel; errors are clear 4xx/5xx", arguments: TestDatabase.all)
    func refresh(_ db: TestDatabase) async throws {
        try await withStubCarrier(db, clock: "2024-04-26T22:00:00Z") { t, stub in
            let store = try await t.createStore()
            let (_, created) = try await t.orderWithParcel(store.key, number: Self.upsNumber, carrier: "UPS",
                                                           placedAt: "2024-04-20T10:00:00Z", shippedAt: "2024-04-22T15:00:00Z")
            let path = "/api/v1/shipments/\(created["id"] as! String)/refresh"
            let unconfigured = try await t.send(.POST, path, key: store.key)
            #expect(unconfigured.status == .conflict && unconfigured.errorCode == "carrier_not_configured")

            await stub.on(Self.tokenPath, try .fixture("carriers/ups/token.json"))
            await stub.on(Self.trackPath, .init(status: 429, headers: ["Retry-After": "30"], body: "{}"),
                          try .fixture("carriers/ups/track-delivered.json"))
            try await t.send(.PUT, "/api/v1/integrations/ups", key: store.key,
                             json: #"{"client_id": "porchlight-test-client", "client_secret": "ups-secret-9876"}"#)
            let limited = try await t.send(.POST, path, key: store.key)
            #expect(limited.status == .tooManyRequests && limited.headers.first(name: .retryAfter) == "30")
            t.clock.advance(by: 31)
            let refreshed = try await t.send(.POST, path, key: store.key)
            #expect(refreshed.status == .ok, "\(refreshed.body.string)")
            #expect(try refreshed.jsonObject()["status"] as? String == "Delivered")
        }
    }
}

@Suite("Polling FedEx, USPS and DHL")
struct OtherCarrierPollingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var carrier: String
        var number: String
        var settings: String
        var token: String?
        var track: String
        var testDescription: String { carrier }
    }

    static let cases = [
        Case(carrier: "fedex", number: "794843185271", settings: #"{"client_id": "fx", "client_secret": "fx-secret"}"#,
             token: "POST /oauth/token", track: "POST /track/v1/trackingnumbers"),
        Case(carrier: "usps", number: "9400111899223197428490", settings: #"{"client_id": "us", "client_secret": "us-secret"}"#,
             token: "POST /oauth2/v3/token", track: "GET /tracking/v3/tracking/9400111899223197428490"),
        Case(carrier: "dhl", number: "7777777770", settings: #"{"api_key": "dhl-key-1"}"#,
             token: nil, track: "GET /track/shipments"),
    ]

    @Test("Each carrier's real answer shape is polled and lands as Delivered", arguments: TestDatabase.all, cases)
    func delivered(_ db: TestDatabase, _ c: Case) async throws {
        try await withStubCarrier(db, clock: "2024-11-23T12:00:00Z") { t, stub in
            if let token = c.token { await stub.on(token, try .fixture("carriers/\(c.carrier)/token.json")) }
            await stub.on(c.track, try .fixture("carriers/\(c.carrier)/track-delivered.json"))
            let store = try await t.createStore()
            #expect(try await t.send(.PUT, "/api/v1/integrations/\(c.carrier)", key: store.key, json: c.settings).status == .ok)
            let (_, parcel) = try await t.orderWithParcel(store.key, number: c.number, carrier: c.carrier.uppercased(),
                                                          placedAt: "2024-11-15T10:00:00Z", shippedAt: "2024-11-18T10:00:00Z")
            let refreshed = try await t.send(.POST, "/api/v1/shipments/\(parcel["id"] as! String)/refresh", key: store.key)
            #expect(refreshed.status == .ok, "\(refreshed.body.string)")
            #expect(try refreshed.jsonObject()["status"] as? String == "Delivered")
            let sent = await stub.requests(c.track)
            #expect(sent.count == 1)
            if c.carrier == "dhl" { #expect(sent.first?.headers["dhl-api-key"] == "dhl-key-1") }
            else { #expect(sent.first?.headers["authorization"]?.hasPrefix("Bearer ") == true) }
        }
    }
}
