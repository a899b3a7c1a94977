import Fluent

/// Events for tracking numbers no shipment has yet, raw codes no table knows, a store's own mapping
/// overrides, and the ids of webhook deliveries already taken in.
struct CreateCarrierSupport: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("carrier_holds")
            .id()
            .field("received_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("provider", .string, .required)
            .field("carrier", .string, .required)
            .field("tracking_number", .string, .required)
            .field("report", .json, .required)
            .field("store_id", .uuid, .required, .references("stores", "id", onDelete: .cascade))
            .create()
        try await database.createIndex("carrier_holds_by_number", on: "carrier_holds",
                                       columns: ["store_id", "tracking_number"])
        try await database.schema("carrier_unknown_codes")
            .id()
            .field("first_seen_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .field("carrier", .string, .required)
            .field("code", .string, .required)
            .field("sample_text", .string, .required)
            .field("occurrences", .int, .required)
            .field("store_id", .uuid, .required, .references("stores", "id", onDelete: .cascade))
            .unique(on: "store_id", "carrier", "code")
            .create()
        try await database.schema("carrier_status_overrides")
            .id()
            .field("updated_at", .datetime, .required)
            .field("carrier", .string, .required)
            .field("code", .string, .required)
            .field("status", .string, .required)
            .field("substatus", .string)
            .field("store_id", .uuid, .required, .references("stores", "id", onDelete: .cascade))
            .unique(on: "store_id", "carrier", "code")
            .create()
        try await database.schema("webhook_receipts")
            .id()
            .field("received_at", .datetime, .required)
            .field("provider", .string, .required)
            .field("event_id", .string, .required)
            .field("store_id", .uuid, .required, .references("stores", "id", onDelete: .cascade))
            .unique(on: "store_id", "provider", "event_id")
            .create()
    }

    func revert(on database: Database) async throws {
        for table in ["webhook_receipts", "carrier_status_overrides", "carrier_unknown_codes", "carrier_holds"] {
            try await database.schema(table).delete()
        }
    }
}
