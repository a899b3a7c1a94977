import Foundation

/// WooCommerce's order webhooks: the REST API v3 order, sent whole on every change.
enum WooCommerceWebhook {
    enum Topic: String, CaseIterable, Sendable {
        case orderCreated = "order.created"
        case orderUpdated = "order.updated"
    }

    /// Header names as the platform documents them; HTTP matches them in any case.
    static let topicHeader = "X-WC-Webhook-Topic"
    static let signatureHeader = "X-WC-Webhook-Signature"
    static let deliveryHeader = "X-WC-Webhook-Delivery-ID"
    static let sourceHeader = "X-WC-Webhook-Source"

    static func parse(_ data: Data, topic: Topic, defaults: StorefrontDefaults,
                      trackingMetaKey: String?) throws(StorefrontPayloadError) -> StorefrontEvent {
        try WooCommerceOrder.event(WebhookFields.storefrontBody(data), defaults: defaults, trackingMetaKey: trackingMetaKey)
    }

    /// WooCommerce checks a new webhook's URL with an unsigned form post, `webhook_id=<n>`, and
    /// saves it only if the answer is 200. Returns the webhook's id when the body is exactly that.
    static func pingWebhookID(_ body: Data) -> String? {
        let prefix = "webhook_id="
        guard body.count <= 64, let text = String(data: body, encoding: .utf8), text.hasPrefix(prefix) else { return nil }
        let id = text.dropFirst(prefix.count)
        return !id.isEmpty && id.allSatisfy({ $0.isASCII && $0.isNumber }) ? String(id) : nil
    }
}
