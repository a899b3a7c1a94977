import Foundation
import Testing
import VaporTesting
@testable import Porchlight

/// A configured app on a fresh database, with a hand-moved clock and helpers that speak the public API.
struct TestHarness {
    let app: Application
    let clock: TestClock
    let database: TestDatabase
    /// The fresh database's URL, for a second instance sharing it.
    let url: String

    static let publicURL = "http://porchlight.test"

    /// A fixed key, so tests never write a key file.
    static let secretKey = String(repeating: "5e", count: 32)

    static func run(_ database: TestDatabase, lookupLimitPerIP: Int = 10, lookupLimitPerStore: Int = 300,
                    adjust: (inout AppConfig) -> Void = { _ in },
                    _ body: (TestHarness) async throws -> Void) async throws {
        let (url, dispose) = try await database.makeFresh()
        let clock = TestClock()
        let app = try await Application.make(.testing)
        do {
            var config = AppConfig(databaseURL: url, publicURL: publicURL, port: nil,
                                   lookupLimitPerIP: lookupLimitPerIP, lookupLimitPerStore: lookupLimitPerStore)
            config.secretKey = secretKey
            // The lowest bcrypt cost keeps sign-ins fast in tests; the code path is the same.
            config.passwordHashCost = 4
            config.signup = .open
            adjust(&config)
            try await configure(app, world: .test(clock: clock), config: config)
            try await body(TestHarness(app: app, clock: clock, database: database, url: url))
        } catch {
            try? await app.asyncShutdown()
            await dispose()
            // PostgreSQL errors hide their details from plain descriptions.
            throw TestSetupError(String(reflecting: error))
        }
        try await app.asyncShutdown()
        await dispose()
    }

    /// Another instance of the server on the same database, as a second process would be.
    func withSecondInstance(_ body: (Application) async throws -> Void) async throws {
        let second = try await Application.make(.testing)
        do {
            var config = AppConfig(databaseURL: url, publicURL: Self.publicURL, port: nil,
                                   lookupLimitPerIP: 10, lookupLimitPerStore: 300)
            config.secretKey = Self.secretKey
            try await configure(second, world: .test(clock: clock, seed: 7), config: config, migrate: false)
            try await body(second)
        } catch {
            try? await second.asyncShutdown()
            throw error
        }
        try await second.asyncShutdown()
    }

    struct CreatedStore {
        var id: UUID
        var slug: String
        var key: String
    }

    func createStore(slug: String = "maple", name: String = "Maple & Moss") async throws -> CreatedStore {
        let created = try await StoreDirectory(database: app.db, world: app.world)
            .create(slug: slug, branding: StoreBranding(name: name, supportEmail: "help@\(slug).example"))
        return CreatedStore(id: try created.store.requireID(), slug: slug, key: created.apiKey)
    }

    @discardableResult
    func send(_ method: HTTPMethod, _ path: String, key: String? = nil, json: String? = nil,
              headers: [(String, String)] = [], form: String? = nil) async throws -> TestingHTTPResponse {
        var httpHeaders = HTTPHeaders(headers)
        if let key { httpHeaders.bearerAuthorization = BearerAuthorization(token: key) }
        var body: ByteBuffer?
        if let json {
            httpHeaders.contentType = .json
            body = ByteBuffer(string: json)
        } else if let form {
            httpHeaders.contentType = .urlEncodedForm
            body = ByteBuffer(string: form)
        }
        return try await app.testing().sendRequest(method, path, headers: httpHeaders, body: body)
    }

    /// Creates an order through the API and returns its JSON.
    func createOrder(_ key: String, number: String = "1001", email: String = "ada@example.com",
                     placedAt: String = "2026-11-20T10:00:00Z", extra: String = "") async throws -> [String: Any] {
        let response = try await send(.POST, "/api/v1/orders", key: key, json: """
            {"order_number": "\(number)", "email": "\(email)", "customer_name": "Ada Brooks",
             "placed_at": "\(placedAt)", "time_zone": "America/New_York",
             "line_items": [{"sku": "CANDLE", "title": "Fir candle", "quantity": 1, "price": "24.00", "product_type": "candles"},
                            {"sku": "TEA", "title": "Smoky tea", "quantity": 2, "price": "12.50"}],
             "shipping_address": {"name": "Ada", "line1": "1 Orchard Lane", "city": "Brooklyn", "region": "NY",
                                  "postal_code": "11201", "country": "US"}\(extra)}
            """)
        #expect(response.status == .created || response.status == .ok, "\(response.body.string)")
        return try response.jsonObject()
    }

    func addShipment(_ key: String, orderID: String, number: String, carrier: String = "UPS",
                     skus: [String] = []) async throws -> String {
        let items = skus.map { "{\"sku\": \"\($0)\", \"quantity\": 1}" }.joined(separator: ",")
        let response = try await send(.POST, "/api/v1/orders/\(orderID)/shipments", key: key, json: """
            {"carrier": "\(carrier)", "tracking_number": "\(number)", "shipped_at": "2026-11-21T09:00:00Z", "line_items": [\(items)]}
            """)
        #expect(response.status == .created, "\(response.body.string)")
        return try response.jsonObject()["id"] as? String ?? ""
    }

    @discardableResult
    func addEvent(_ key: String, shipmentID: String, status: String, at: String, message: String = "",
                  substatus: String? = nil) async throws -> TestingHTTPResponse {
        let sub = substatus.map { ", \"substatus\": \"\($0)\"" } ?? ""
        return try await send(.POST, "/api/v1/shipments/\(shipmentID)/events", key: key, json: """
            {"status": "\(status)", "occurred_at": "\(at)", "message": "\(message)", "location": "Brooklyn, NY"\(sub)}
            """)
    }

    func trackingPath(_ order: [String: Any]) -> String {
        (order["tracking_url"] as? String ?? "").replacingOccurrences(of: Self.publicURL, with: "")
    }
}

extension TestingHTTPResponse {
    func jsonObject() throws -> [String: Any] {
        let data = Data(body.string.utf8)
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw TestSetupError("Response is not a JSON object: \(body.string)")
        }
        return object
    }

    var errorCode: String? {
        ((try? jsonObject())?["error"] as? [String: Any])?["code"] as? String
    }
}
