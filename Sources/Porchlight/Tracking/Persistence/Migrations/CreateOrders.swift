import Fluent
import SQLKit

struct CreateOrders: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("orders")
            .id()
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("revision", .int, .required)
            .field("order_number", .string, .required)
            .field("lookup_number", .string, .required)
            .field("email", .string, .required)
            .field("email_normalized", .string, .required)
            .field("phone", .string)
            .field("customer_name", .string)
            .field("placed_at", .datetime, .required)
            .field("currency", .string, .required)
            .field("locale", .string, .required)
            .field("time_zone", .string, .required)
            .field("shipping_address", .json)
            .field("tracking_token", .string, .required)
            .field("idempotency_key", .string)
            .field("status", .string, .required)
            .field("parcels_total", .int, .required)
            .field("parcels_delivered", .int, .required)
            .field("estimated_earliest", .string)
            .field("estimated_latest", .string)
            .field("store_id", .uuid, .required, .references("stores", "id", onDelete: .cascade))
            .unique(on: "tracking_token")
            .unique(on: "store_id", "order_number")
            .unique(on: "store_id", "idempotency_key")
            .create()
        try await database.createIndex("orders_lookup", on: "orders", columns: ["store_id", "lookup_number"])
        try await database.createIndex("orders_by_status", on: "orders", columns: ["store_id", "status", "placed_at"])
        try await database.createIndex("orders_by_placed", on: "orders", columns: ["store_id", "placed_at"])
    }

    func revert(on database: Database) async throws {
        try await database.schema("orders").delete()
    }
}

struct CreateLineItems: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("line_items")
            .id()
            .field("position", .int, .required)
            .field("sku", .string)
            .field("title", .string, .required)
            .field("variant", .string)
            .field("quantity", .int, .required)
            .field("price", .string, .required)
            .field("image_url", .string)
            .field("product_type", .string)
            .field("store_id", .uuid, .required, .references("stores", "id", onDelete: .cascade))
            .field("order_id", .uuid, .required, .references("orders", "id", onDelete: .cascade))
            .create()
        try await database.createIndex("line_items_by_order", on: "line_items", columns: ["store_id", "order_id"])
    }

    func revert(on database: Database) async throws {
        try await database.schema("line_items").delete()
    }
}

extension Database {
    func createIndex(_ name: String, on table: String, columns: [String]) async throws {
        var builder = sql.create(index: name).on(table)
        for column in columns { builder = builder.column(column) }
        try await builder.run()
    }
}
