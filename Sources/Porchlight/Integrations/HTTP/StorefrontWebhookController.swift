import Vapor

/// `POST /webhooks/shopify/{store_slug}` and `POST /webhooks/woocommerce/{store_slug}`: orders and
/// parcels pushed by the store's platform. Every delivery to a known store writes one integration
/// log entry, whatever became of it. The answer is sent only after what the delivery carried is
/// committed, so a 2xx means nothing can be lost; platforms retry anything else.
enum StorefrontWebhookController {
    struct Receipt: Content {
        /// `accepted`, `duplicate` or `ignored`.
        var status: String
        var order_number: String?
        var parcels_added: Int
        var message: String
    }

    @Sendable static func shopify(req: Request) async throws -> Receipt {
        try await receive(req, platform: .shopify)
    }

    @Sendable static func wooCommerce(req: Request) async throws -> Receipt {
        try await receive(req, platform: .woocommerce)
    }

    static func receive(_ req: Request, platform: StorefrontPlatform) async throws -> Receipt {
        let store = try await req.webhookStore()
        let storeID = try store.requireID()
        let delivery = Delivery(req, platform: platform)
        let log = req.application.integrationLog(storeID: storeID)
        let handled: Handled
        do {
            handled = try await handle(delivery, storeID: storeID, locale: store.defaultLocale, app: req.application)
        } catch {
            let failure = ErrorResponder.classify(error)
            let summary = "Porchlight could not take this in; \(platform.displayName) will retry. \(failure.message)"
            _ = try? await log.record(delivery.logDraft(Handled(outcome: .failed, status: failure.status, summary: summary)))
            throw error
        }
        try await log.record(delivery.logDraft(handled))
        if let code = handled.errorCode {
            throw APIError(status: handled.status, code: code, message: handled.summary)
        }
        return Receipt(status: handled.outcome == .unsupportedTopic ? IntegrationOutcome.ignored.rawValue : handled.outcome.rawValue,
                       order_number: handled.orderNumber, parcels_added: handled.parcelsAdded, message: handled.summary)
    }

    /// What became of a delivery: logged, then answered.
    struct Handled: Sendable {
        var outcome: IntegrationOutcome
        var status: HTTPResponseStatus = .ok
        var summary: String
        var orderNumber: String?
        var parcelsAdded = 0
        /// Set when the answer is an error.
        var errorCode: String?
        var excerptLimit = IntegrationLogEntry.excerptLimit
    }

    /// One request as the platform sent it.
    struct Delivery: Sendable {
        var platform: StorefrontPlatform
        var body: Data
        var topic: String?
        var deliveryID: String?
        var signature: String?
        var source: String?

        init(_ req: Request, platform: StorefrontPlatform) {
            func header(_ name: String) -> String? {
                req.headers.first(name: name)?.trimmingCharacters(in: .whitespaces).nilIfEmpty
            }
            self.platform = platform
            body = Data(buffer: req.body.data ?? ByteBuffer())
            topic = header(platform.topicHeader)
            deliveryID = header(platform.deliveryHeader).map { String($0.prefix(200)) }
            signature = header(platform.signatureHeader)
            source = header(platform.sourceHeader).map { String($0.prefix(200)) }
        }

        func logDraft(_ handled: Handled) -> IntegrationLog.Draft {
            IntegrationLog.Draft(provider: platform.rawValue, topic: topic, outcome: handled.outcome,
                                 httpStatus: Int(handled.status.code), summary: handled.summary,
                                 orderNumber: handled.orderNumber, body: body, excerptLimit: handled.excerptLimit)
        }
    }
}

private extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
