import Foundation

/// The storefront platforms that push orders to Porchlight, and where each puts what in its requests.
enum StorefrontPlatform: String, Sendable {
    case shopify, woocommerce

    var integration: IntegrationProvider {
        switch self {
        case .shopify: .shopify
        case .woocommerce: .woocommerce
        }
    }

    /// As the platform spells it, for messages merchants read.
    var displayName: String {
        switch self {
        case .shopify: "Shopify"
        case .woocommerce: "WooCommerce"
        }
    }

    var topicHeader: String {
        switch self {
        case .shopify: ShopifyWebhook.topicHeader
        case .woocommerce: WooCommerceWebhook.topicHeader
        }
    }

    var signatureHeader: String {
        switch self {
        case .shopify: ShopifyWebhook.signatureHeader
        case .woocommerce: WooCommerceWebhook.signatureHeader
        }
    }

    var deliveryHeader: String {
        switch self {
        case .shopify: ShopifyWebhook.deliveryHeader
        case .woocommerce: WooCommerceWebhook.deliveryHeader
        }
    }

    /// Which shop sent it, as the platform says; shown when a signature fails, since the usual
    /// cause is a secret pasted into the wrong store.
    var sourceHeader: String {
        switch self {
        case .shopify: ShopifyWebhook.shopHeader
        case .woocommerce: WooCommerceWebhook.sourceHeader
        }
    }

    func handles(_ topic: String) -> Bool {
        switch self {
        case .shopify: ShopifyWebhook.Topic(rawValue: topic) != nil
        case .woocommerce: WooCommerceWebhook.Topic(rawValue: topic) != nil
        }
    }

    /// The event a body of a handled topic describes.
    func event(_ body: Data, topic: String, defaults: StorefrontDefaults,
               settings: IntegrationSettings) throws(StorefrontPayloadError) -> StorefrontEvent {
        switch self {
        case .shopify:
            guard let topic = ShopifyWebhook.Topic(rawValue: topic) else { throw .malformed("unhandled topic \(topic)") }
            return try ShopifyWebhook.parse(body, topic: topic, defaults: defaults)
        case .woocommerce:
            guard let topic = WooCommerceWebhook.Topic(rawValue: topic) else { throw .malformed("unhandled topic \(topic)") }
            return try WooCommerceWebhook.parse(body, topic: topic, defaults: defaults,
                                                trackingMetaKey: settings[.trackingMetaKey])
        }
    }
}
