import Fluent
import Vapor

/// Which wizard steps are behind the merchant, read from what exists rather than stored separately.
struct SetupProgress {
    var branded: Bool
    var connected: Bool
    var tested: Bool

    static func load(_ req: Request, store: StoreRecord) async throws -> SetupProgress {
        let storeID = try store.requireID()
        let defaults = StoreBranding(name: store.name)
        let branded = store.logoURL != nil || store.accentColor != defaults.accentColor.description
            || store.backgroundColor != defaults.backgroundColor.description || store.font != nil
        let storefront = try await IntegrationRecord.query(on: req.db).filter(\.$storeID == storeID)
            .filter(\.$provider ~~ [IntegrationProvider.shopify.rawValue, IntegrationProvider.woocommerce.rawValue]).count()
        let keys = try await APIKeyRecord.query(on: req.db).filter(\.$storeID == storeID).count()
        let realOrders = try await OrderRecord.query(on: req.db).filter(\.$storeID == storeID)
            .filter(\.$orderNumber !=~ TestOrder.prefix).count()
        let tests = try await OrderRecord.query(on: req.db).filter(\.$storeID == storeID)
            .filter(\.$orderNumber =~ TestOrder.prefix).count()
        return SetupProgress(branded: branded, connected: storefront > 0 || keys > 1 || realOrders > 0, tested: tests > 0)
    }

    var context: [String: Bool] {
        ["store": true, "brand": branded, "connect": connected, "test": tested,
         "all": branded && connected && tested]
    }
}

/// A fresh secret for a storefront's webhooks. Other settings of the integration are kept.
enum WebhookSecrets {
    static func rotate(_ provider: IntegrationProvider, req: Request) async throws -> String {
        let secret = Hex.encode(req.application.world.randomBytes(32))
        try await save(secret, for: provider, req: req)
        return secret
    }

    static func save(_ secret: String, for provider: IntegrationProvider, req: Request) async throws {
        let vault = req.application.integrationVault(storeID: try req.dashboard.storeID)
        var values = try await vault.settings(provider)?.values ?? [:]
        values[IntegrationProvider.Field.webhookSecret.rawValue] = secret
        _ = try await vault.save(provider, IntegrationSettings(values))
    }
}
