import Fluent
import Vapor

/// `POST /webhooks/{provider}/{store_slug}` for EasyPost, Shippo, AfterShip and UPS Track Alert.
/// A verified delivery is applied and recorded as a done job before the answer is sent, so a 2xx means
/// nothing can be lost. Concurrent deliveries share one transaction (`JobGroupCommit`); if applying fails,
/// the delivery is queued for the worker instead, still before the answer.
enum CarrierWebhookController {
    struct Receipt: Content {
        /// `accepted`, `duplicate` (this delivery was taken in before) or `ignored` (not a tracking update).
        var status: String
        /// Carrier scans the delivery holds, new or not.
        var events: Int
    }

    @Sendable static func receive(req: Request) async throws -> Receipt {
        let provider = try provider(req)
        let app = req.application, now = app.world.now()
        let slug = req.parameters.get("slug") ?? ""
        guard let target = try await app.services.webhookSecrets.entry(slug: slug, provider: provider.rawValue, now: now, load: {
            guard let store = try await StoreDirectory(database: app.db, world: app.world).store(slug: slug) else { return nil }
            let storeID = try store.requireID()
            let secret = try await app.integrationVault(storeID: storeID).settings(provider.integration)?[.webhookSecret]
            return (storeID, secret)
        }) else {
            throw APIError.notFound("Store '\(slug)'")
        }
        let body = Data(buffer: req.body.data ?? ByteBuffer())
        guard let secret = target.secret,
              WebhookSignature.verify(provider, body: body, headers: headers(req, provider), secret: secret, now: now) else {
            throw APIError(status: .unauthorized, code: "invalid_signature",
                           message: "The webhook signature is missing or does not match this store's \(provider.rawValue) webhook_secret.")
        }
        let delivery: WebhookDelivery
        do { delivery = try provider.parse(body) } catch {
            throw APIError(status: .badRequest, code: "malformed_payload",
                           message: "This \(provider.rawValue) payload could not be read: \(error).")
        }
        if delivery.ignored { return Receipt(status: "ignored", events: 0) }
        let scans = delivery.reports.reduce(0) { $0 + $1.scans.count }
        let job = CarrierWebhookJob.job(provider, body: body, delivery: delivery, now: now)
        let added = try await app.services.jobGroupCommit.enqueue(job, storeID: target.storeID, attachment: delivery,
                                                                  world: app.world)
        return Receipt(status: added ? "accepted" : "duplicate", events: scans)
    }

    private static func provider(_ req: Request) throws -> WebhookProvider {
        let name = req.parameters.get("provider") ?? ""
        guard let provider = WebhookProvider(rawValue: name) else {
            throw APIError.notFound("Webhook provider '\(name)'")
        }
        return provider
    }

    /// Only the headers the provider signs with: copying all of them was a measurable share of a burst.
    private static func headers(_ req: Request, _ provider: WebhookProvider) -> [String: String] {
        var result: [String: String] = [:]
        for name in WebhookSignature.headerNames(provider) {
            if let value = req.headers.first(name: name) { result[name] = value }
        }
        // Shippo's self-serve setup puts the shared token in the webhook URL rather than signing.
        if provider == .shippo, let token = req.query[String.self, at: "token"] { result["x-porchlight-token"] = token }
        return result
    }
}
