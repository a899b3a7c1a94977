import Foundation

/// Shopify's order and fulfillment webhooks, in the REST JSON shapes Shopify sends them.
enum ShopifyWebhook {
    enum Topic: String, CaseIterable, Sendable {
        case ordersCreate = "orders/create"
        case ordersUpdated = "orders/updated"
        case ordersCancelled = "orders/cancelled"
        case fulfillmentsCreate = "fulfillments/create"
        case fulfillmentsUpdate = "fulfillments/update"
    }

    /// Header names as the platform documents them; HTTP matches them in any case.
    static let topicHeader = "X-Shopify-Topic"
    static let signatureHeader = "X-Shopify-Hmac-Sha256"
    static let deliveryHeader = "X-Shopify-Webhook-Id"
    static let shopHeader = "X-Shopify-Shop-Domain"

    static func parse(_ data: Data, topic: Topic, defaults: StorefrontDefaults) throws(StorefrontPayloadError) -> StorefrontEvent {
        let body = try WebhookFields.storefrontBody(data)
        switch topic {
        case .ordersCreate, .ordersUpdated, .ordersCancelled:
            return try ShopifyOrder.event(body, defaults: defaults)
        case .fulfillmentsCreate, .fulfillmentsUpdate:
            return try ShopifyFulfillment.event(body)
        }
    }
}
