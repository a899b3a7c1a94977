import Fluent

struct CreateIntegrationLog: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("integration_log_entries")
            .id()
            .field("received_at", .datetime, .required)
            .field("provider", .string, .required)
            .field("topic", .string)
            .field("outcome", .string, .required)
            .field("http_status", .int, .required)
            .field("summary", .string, .required)
            .field("order_number", .string)
            .field("body_excerpt", .string, .required)
            .field("store_id", .uuid, .required, .references("stores", "id", onDelete: .cascade))
            .create()
        try await database.createIndex("integration_log_by_store", on: "integration_log_entries",
                                       columns: ["store_id", "received_at"])
        // The worker's daily prune reads by age alone, across stores.
        try await database.createIndex("integration_log_by_age", on: "integration_log_entries", columns: ["received_at"])
    }

    func revert(on database: Database) async throws {
        try await database.schema("integration_log_entries").delete()
    }
}
