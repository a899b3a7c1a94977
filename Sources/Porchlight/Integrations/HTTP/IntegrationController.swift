import Vapor

/// `/api/v1/integrations`: a store's credentials and webhook secrets, write-only in full.
enum IntegrationController {
    struct IntegrationJSON: Content {
        var provider: String
        /// Secrets shown only as their last four characters.
        var settings: [String: String]
        /// Where this provider should send its webhooks, for providers that push.
        var webhook_url: String?
        var updated_at: Date
    }

    @Sendable static func index(req: Request) async throws -> [IntegrationJSON] {
        let store = try req.currentStore
        return try await req.integrationVault(store).all().map { try json($0, store: store, req: req) }
    }

    @Sendable static func update(req: Request) async throws -> IntegrationJSON {
        let store = try req.currentStore
        let provider = try provider(req)
        let values: [String: String]
        do { values = try req.content.decode([String: String].self) } catch {
            throw APIError.badRequest("Send a JSON object of strings, e.g. {\"client_id\": \"…\", \"client_secret\": \"…\"}.")
        }
        let record = try await req.integrationVault(store).save(provider, IntegrationSettings(values))
        if provider.pollsCarrierAPI {
            try await req.application.carrierPolling.startPolling(storeID: store.requireID(), carrier: provider.rawValue)
        }
        return try json(record, store: store, req: req)
    }

    @Sendable static func delete(req: Request) async throws -> HTTPStatus {
        let store = try req.currentStore
        guard try await req.integrationVault(store).delete(provider(req)) else {
            throw APIError.notFound("That integration")
        }
        return .noContent
    }

    private static func provider(_ req: Request) throws -> IntegrationProvider {
        let name = req.parameters.get("provider") ?? ""
        guard let provider = IntegrationProvider(rawValue: name) else {
            let known = IntegrationProvider.allCases.map(\.rawValue).joined(separator: ", ")
            throw APIError.notFound("Integration '\(name)' (known: \(known))")
        }
        return provider
    }

    private static func json(_ record: IntegrationRecord, store: StoreRecord, req: Request) throws -> IntegrationJSON {
        let provider = IntegrationProvider(rawValue: record.provider)
        let pushes = provider.map { $0.allowedFields.contains(.webhookSecret) } ?? false
        return IntegrationJSON(
            provider: record.provider, settings: record.maskedSettings,
            webhook_url: pushes ? req.application.siteURL.absolute(.webhook(provider: record.provider, slug: store.slug)) : nil,
            updated_at: record.updatedAt)
    }
}

extension Request {
    func integrationVault(_ store: StoreRecord) throws -> IntegrationVault {
        application.integrationVault(storeID: try store.requireID())
    }
}
