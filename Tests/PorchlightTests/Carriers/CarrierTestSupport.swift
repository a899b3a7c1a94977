import Foundation
import Testing
import VaporTesting
@testable import Porchlight

/// Runs a test app whose carrier base URLs point at a stub carrier on loopback.
func withStubCarrier(_ database: TestDatabase, clock start: String,
                     _ body: (TestHarness, StubHTTPServer) async throws -> Void) async throws {
    let stub = try await StubHTTPServer.start()
    do {
        try await TestHarness.run(database, adjust: { config in
            config.carrierBaseURLs = ["ups": stub.baseURL, "fedex": stub.baseURL, "usps": stub.baseURL, "dhl": stub.baseURL]
        }) { t in
            t.clock.set(ISO8601DateFormatter().date(from: start)!)
            try await body(t, stub)
        }
    } catch {
        try? await stub.stop()
        throw error
    }
    try await stub.stop()
}

extension TestHarness {
    /// An order placed a few days before `placedAt`'s parcel ships, with one parcel and no carrier named.
    func orderWithParcel(_ key: String, number: String, carrier: String? = nil, placedAt: String,
                         shippedAt: String) async throws -> (order: [String: Any], shipment: [String: Any]) {
        let order = try await createOrder(key, placedAt: placedAt)
        let carrierField = carrier.map { "\"carrier\": \"\($0)\", " } ?? ""
        let response = try await send(.POST, "/api/v1/orders/\(order["id"] as? String ?? "")/shipments", key: key, json: """
            {\(carrierField)"tracking_number": "\(number)", "shipped_at": "\(shippedAt)"}
            """)
        #expect(response.status == .created, "\(response.body.string)")
        return (order, try response.jsonObject())
    }

    func shipment(_ key: String, orderID: String) async throws -> [String: Any] {
        let order = try await send(.GET, "/api/v1/orders/\(orderID)", key: key).jsonObject()
        return (order["shipments"] as? [[String: Any]])?.first ?? [:]
    }

    func drainJobs() async throws {
        _ = try await app.makeWorker(name: "test").drain()
    }
}

extension StubHTTPServer.Reply {
    static func fixture(_ path: String, status: Int = 200) throws -> Self {
        Self(status: status, body: try Fixture.string(path))
    }
}
