import Fluent
import Vapor

/// `POST /webhooks/{provider}/{store_slug}` for EasyPost, Shippo, AfterShip and UPS Track Alert.
/// The answer is sent only after the events are committed, so a 2xx means nothing can be lost.
enum CarrierWebhookController {
    struct Receipt: Content {
        var status: String
        var events: Int
        var held: Int
    }

    @Sendable static func receive(req: Request) async throws -> Receipt {
        let provider = try provider(req)
        let store = try await req.webhookStore()
        let storeID = try store.requireID()
        let body = Data(buffer: req.body.data ?? ByteBuffer())
        guard let secret = try await req.application.integrationVault(storeID: storeID)
            .settings(provider.integration)?[.webhookSecret],
              WebhookSignature.verify(provider, body: body, headers: headers(req), secret: secret,
                                           now: req.application.world.now()) else {
            throw APIError(status: .unauthorized, code: "invalid_signature",
                           message: "The webhook signature is missing or does not match this store's \(provider.rawValue) webhook_secret.")
        }
        let delivery: WebhookDelivery
        do { delivery = try provider.parse(body) } catch {
            throw APIError(status: .badRequest, code: "malformed_payload",
                           message: "This \(provider.rawValue) payload could not be read: \(error).")
        }
        if delivery.ignored { return Receipt(status: "ignored", events: 0, held: 0) }
        let receipts = WebhookReceipts(database: req.db, world: req.application.world, storeID: storeID)
        if let eventID = delivery.eventID, try await receipts.seen(provider.rawValue, eventID) {
            return Receipt(status: "duplicate", events: 0, held: 0)
        }
        let intake = req.application.carrierIntake(storeID: storeID)
        var receipt = Receipt(status: "stored", events: 0, held: 0)
        for report in delivery.reports {
            let outcome = try await intake.take(report, source: provider.statusSource, pushedBy: provider.rawValue)
            receipt.events += outcome.newEvents
            receipt.held += outcome.held ? 1 : 0
        }
        if let eventID = delivery.eventID { try await receipts.remember(provider.rawValue, eventID) }
        return receipt
    }

    private static func provider(_ req: Request) throws -> WebhookProvider {
        let name = req.parameters.get("provider") ?? ""
        guard let provider = WebhookProvider(rawValue: name) else {
            throw APIError.notFound("Webhook provider '\(name)'")
        }
        return provider
    }

    private static func headers(_ req: Request) -> [String: String] {
        var result: [String: String] = [:]
        for (name, value) in req.headers { result[name.lowercased()] = value }
        // Shippo's self-serve setup puts the shared token in the webhook URL rather than signing.
        if let token = req.query[String.self, at: "token"] { result["x-porchlight-token"] = token }
        return result
    }
}
