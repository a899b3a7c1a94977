import Fluent
import Foundation
import SQLKit

/// One row per word an order can be found by. Existing orders and parcels are indexed here, once.
struct CreateOrderSearchTerms: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("order_search_terms")
            .field("store_id", .uuid, .required, .references("stores", "id", onDelete: .cascade))
            .field("term", .string, .required)
            .field("order_id", .uuid, .required, .references("orders", "id", onDelete: .cascade))
            .unique(on: "store_id", "term", "order_id")
            .create()
        try await database.createIndex("order_search_terms_by_order", on: "order_search_terms",
                                       columns: ["store_id", "order_id"])
        try await database.schema("orders").field("page_views", .int, .required, .sql(.default(0))).update()
        // Home adds up a month of orders and their page views from this index alone.
        try await database.createIndex("orders_by_placed_views", on: "orders", columns: ["store_id", "placed_at", "page_views"])
        try await backfill(database)
    }

    private func backfill(_ database: Database) async throws {
        let orders = try await database.sql.raw("SELECT id, store_id, order_number, email, customer_name FROM orders").all()
        for row in orders {
            let orderID = try row.decode(column: "id", as: UUID.self)
            let storeID = try row.decode(column: "store_id", as: UUID.self)
            let terms = SearchTerms.forOrder(number: try row.decode(column: "order_number", as: String.self),
                                             email: try row.decode(column: "email", as: String.self),
                                             customerName: try row.decode(column: "customer_name", as: String?.self))
            try await OrderSearchIndex.insert(terms, orderID: orderID, storeID: storeID, on: database)
        }
        let parcels = try await database.sql.raw("SELECT order_id, store_id, tracking_number FROM shipments").all()
        for row in parcels {
            try await OrderSearchIndex.insert([SearchTerms.forTrackingNumber(try row.decode(column: "tracking_number", as: String.self))],
                                              orderID: try row.decode(column: "order_id", as: UUID.self),
                                              storeID: try row.decode(column: "store_id", as: UUID.self), on: database)
        }
    }

    func revert(on database: Database) async throws {
        try await database.schema("order_search_terms").delete()
        try await database.sql.drop(index: "orders_by_placed_views").run()
        try await database.schema("orders").deleteField("page_views").update()
    }
}
