import Foundation
import Testing
import Vapor
import VaporTesting
@testable import Porchlight

/// Deliveries signed the way Shopify and WooCommerce sign them, and reads of what the API shows.
extension TestHarness {
    static let shopifySecret = "shpss_maple_webhook_1f8c2e"
    static let wooSecret = "wc-birch-secret-77&9"

    static func base64HMAC(_ body: String, secret: String) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: Data(body.utf8), using: SymmetricKey(data: Data(secret.utf8))))
            .base64EncodedString()
    }

    /// A Shopify delivery; `signature: nil` sends none, and the webhook id defaults to a fresh one.
    @discardableResult
    func shopify(_ body: String, topic: String, slug: String = "maple", shop: String = "maple",
                 secret: String = shopifySecret, signature: String?? = .none,
                 webhookID: String? = nil) async throws -> TestingHTTPResponse {
        var headers = [("X-Shopify-Topic", topic), ("X-Shopify-Shop-Domain", "\(shop).myshopify.com"),
                       ("X-Shopify-API-Version", "2024-10"), ("X-Shopify-Webhook-Id", webhookID ?? app.world.uuid().uuidString)]
        if let signed = signature ?? Self.base64HMAC(body, secret: secret) { headers.append(("X-Shopify-Hmac-Sha256", signed)) }
        return try await send(.POST, "/webhooks/shopify/\(slug)", json: body, headers: headers)
    }

    @discardableResult
    func wooCommerce(_ body: String, topic: String, slug: String = "birch", secret: String = wooSecret,
                     signature: String?? = .none, deliveryID: String? = nil) async throws -> TestingHTTPResponse {
        let resource = topic.split(separator: ".")
        var headers = [("X-WC-Webhook-Topic", topic), ("X-WC-Webhook-Resource", String(resource.first ?? "")),
                       ("X-WC-Webhook-Event", String(resource.last ?? "")), ("X-WC-Webhook-ID", "14"),
                       ("X-WC-Webhook-Source", "https://shop.\(slug).example/"),
                       ("X-WC-Webhook-Delivery-ID", deliveryID ?? app.world.uuid().uuidString)]
        if let signed = signature ?? Self.base64HMAC(body, secret: secret) { headers.append(("X-WC-Webhook-Signature", signed)) }
        return try await send(.POST, "/webhooks/woocommerce/\(slug)", json: body, headers: headers)
    }

    func connect(_ provider: String, _ key: String, settings: String) async throws {
        let response = try await send(.PUT, "/api/v1/integrations/\(provider)", key: key, json: settings)
        #expect(response.status == .ok, "\(response.body.string)")
    }

    func orders(_ key: String) async throws -> [[String: Any]] {
        let listed = try await send(.GET, "/api/v1/orders", key: key).jsonObject()
        var full: [[String: Any]] = []
        for summary in listed["data"] as? [[String: Any]] ?? [] {
            full.append(try await send(.GET, "/api/v1/orders/\(summary["id"] as? String ?? "")", key: key).jsonObject())
        }
        return full
    }

    func integrationLog(_ key: String, query: String = "") async throws -> [[String: Any]] {
        let response = try await send(.GET, "/api/v1/integration-log\(query)", key: key)
        #expect(response.status == .ok, "\(response.body.string)")
        return try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as? [[String: Any]] ?? []
    }

    func messageTypes(_ key: String, orderID: String) async throws -> [String] {
        let messages = try await send(.GET, "/api/v1/orders/\(orderID)/messages", key: key).jsonObject()
        return (messages["messages"] as? [[String: Any]] ?? []).compactMap { $0["type"] as? String }
    }
}

extension TestingHTTPResponse {
    /// The body as a JSON object, or empty: for expectations that read one field.
    var json: [String: Any] { (try? jsonObject()) ?? [:] }
}

extension Dictionary where Key == String, Value == Any {
    var shipmentList: [[String: Any]] { self["shipments"] as? [[String: Any]] ?? [] }
}
