import Fluent

/// Links from a platform's order id to the Porchlight order it became.
struct CreateStorefrontOrders: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("storefront_orders")
            .id()
            .field("created_at", .datetime, .required)
            .field("provider", .string, .required)
            .field("external_id", .string, .required)
            .field("store_id", .uuid, .required, .references("stores", "id", onDelete: .cascade))
            .field("order_id", .uuid, .required, .references("orders", "id", onDelete: .cascade))
            .unique(on: "store_id", "provider", "external_id")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("storefront_orders").delete()
    }
}
