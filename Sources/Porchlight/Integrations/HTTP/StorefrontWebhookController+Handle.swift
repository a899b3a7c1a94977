import Vapor

extension StorefrontWebhookController {
    /// Checks, in order: a WooCommerce ping, the signature, the topic, a replay, the body; then
    /// applies the event. Nothing but the log entry is written before the signature holds.
    static func handle(_ delivery: Delivery, storeID: UUID, locale: String, app: Application) async throws -> Handled {
        let platform = delivery.platform, name = platform.displayName
        if platform == .woocommerce, !(delivery.topic.map(platform.handles) ?? false),
           let webhookID = WooCommerceWebhook.pingWebhookID(delivery.body) {
            // Unsigned by WooCommerce's design, and it saves the webhook only on a 200.
            return Handled(outcome: .ignored, summary: "WooCommerce ping for webhook \(webhookID): this delivery URL works.")
        }
        let settings = try await app.integrationVault(storeID: storeID).settings(platform.integration)
        guard let settings, let secret = settings[.webhookSecret] else {
            return rejected("No webhook_secret is set for \(platform.rawValue); set it with PUT /api/v1/integrations/\(platform.rawValue).",
                            delivery)
        }
        guard WebhookSignature.base64BodyHMACValid(delivery.signature, body: delivery.body, secret: secret) else {
            let problem = delivery.signature == nil ? "is missing" : "does not match this store's \(platform.rawValue) webhook_secret"
            return rejected("The \(platform.signatureHeader) signature \(problem).", delivery)
        }
        guard let topic = delivery.topic else {
            return malformed("The \(platform.topicHeader) header is missing, so the body can't be read.")
        }
        guard platform.handles(topic) else {
            return Handled(outcome: .unsupportedTopic,
                           summary: "Porchlight does not use \(topic); acknowledged so \(name) does not send it again.")
        }
        let receipts = WebhookReceipts(database: app.db, world: app.world, storeID: storeID)
        if let id = delivery.deliveryID, try await receipts.seen(platform.rawValue, id) {
            return Handled(outcome: .duplicate, summary: "Delivery \(id) was already taken in; nothing was stored again.")
        }
        let event: StorefrontEvent
        do {
            let defaults = StorefrontDefaults(locale: locale, receivedAt: app.world.now())
            event = try platform.event(delivery.body, topic: topic, defaults: defaults, settings: settings)
        } catch {
            return malformed("This \(name) \(topic) body could not be read: \(error.message).")
        }
        let result = try await app.storefrontIntake(storeID: storeID, provider: platform.integration)
            .apply(event, now: app.world.now())
        if result.outcome == .deferred {
            return Handled(outcome: .deferred, status: .conflict, summary: result.summary, orderNumber: result.orderNumber,
                           errorCode: "order_not_known_yet")
        }
        if let id = delivery.deliveryID { try await receipts.remember(platform.rawValue, id) }
        return Handled(outcome: result.outcome, summary: result.summary, orderNumber: result.orderNumber,
                       parcelsAdded: result.parcelsAdded)
    }

    private static func rejected(_ summary: String, _ delivery: Delivery) -> Handled {
        let from = delivery.source.map { " Sent from \($0)." } ?? ""
        return Handled(outcome: .rejectedSignature, status: .unauthorized, summary: summary + from,
                       errorCode: "invalid_signature", excerptLimit: IntegrationLogEntry.unsignedExcerptLimit)
    }

    private static func malformed(_ summary: String) -> Handled {
        Handled(outcome: .malformed, status: .badRequest, summary: summary, errorCode: "malformed_payload")
    }
}
