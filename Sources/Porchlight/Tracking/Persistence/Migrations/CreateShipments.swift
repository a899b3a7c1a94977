import Fluent

struct CreateShipments: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("shipments")
            .id()
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("position", .int, .required)
            .field("carrier", .string)
            .field("service", .string)
            .field("tracking_number", .string, .required)
            .field("shipped_at", .datetime)
            .field("items", .array(of: .json), .required)
            .field("status", .string, .required)
            .field("substatus", .string)
            .field("delivered_at", .datetime)
            .field("last_event_at", .datetime)
            .field("estimated_earliest", .string)
            .field("estimated_latest", .string)
            .field("store_id", .uuid, .required, .references("stores", "id", onDelete: .cascade))
            .field("order_id", .uuid, .required, .references("orders", "id", onDelete: .cascade))
            .unique(on: "order_id", "tracking_number")
            .create()
        // Every read is scoped to a store; leading with store_id keeps the planner on these indexes.
        try await database.createIndex("shipments_by_order", on: "shipments", columns: ["store_id", "order_id"])
        try await database.createIndex("shipments_by_tracking_number", on: "shipments",
                                       columns: ["store_id", "tracking_number"])
    }

    func revert(on database: Database) async throws {
        try await database.schema("shipments").delete()
    }
}

struct CreateShipmentEvents: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("shipment_events")
            .id()
            .field("created_at", .datetime, .required)
            .field("occurred_at", .datetime, .required)
            .field("status", .string, .required)
            .field("substatus", .string)
            .field("message", .string, .required)
            .field("location", .string)
            .field("carrier_code", .string)
            .field("dedupe_key", .string, .required)
            .field("store_id", .uuid, .required, .references("stores", "id", onDelete: .cascade))
            .field("order_id", .uuid, .required, .references("orders", "id", onDelete: .cascade))
            .field("shipment_id", .uuid, .required, .references("shipments", "id", onDelete: .cascade))
            .unique(on: "shipment_id", "dedupe_key")
            .create()
        try await database.createIndex("shipment_events_by_order", on: "shipment_events", columns: ["store_id", "order_id"])
    }

    func revert(on database: Database) async throws {
        try await database.schema("shipment_events").delete()
    }
}
