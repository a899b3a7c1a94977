import Fluent
import Foundation
import SQLKit

/// Which Porchlight order each platform order became, so events that name an order only by the
/// platform's id (Shopify's fulfillments) find it, and a renumbered order stays the same order.
struct StorefrontOrderLinks: Sendable {
    let database: Database
    let world: World
    let storeID: UUID

    func order(_ provider: IntegrationProvider, externalID: String) async throws -> UUID? {
        try await database.sql.raw("""
            SELECT order_id FROM storefront_orders
            WHERE store_id = \(bind: storeID) AND provider = \(bind: provider.rawValue) AND external_id = \(bind: externalID)
            """).first()?.decode(column: "order_id", as: UUID.self)
    }

    /// The first link wins; two deliveries racing for one new order link the same order anyway.
    func link(_ provider: IntegrationProvider, externalID: String, to orderID: UUID) async throws {
        try await database.sql.raw("""
            INSERT INTO storefront_orders (id, created_at, provider, external_id, store_id, order_id)
            VALUES (\(bind: world.uuid()), \(bind: world.now()), \(bind: provider.rawValue), \(bind: externalID),
                    \(bind: storeID), \(bind: orderID))
            ON CONFLICT (store_id, provider, external_id) DO NOTHING
            """).run()
    }
}
