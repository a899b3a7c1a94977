import Fluent
import SQLKit

struct CreateMessages: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("messages")
            .id()
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("type", .string, .required)
            .field("category", .string, .required)
            .field("status", .string, .required)
            .field("idempotency_key", .string, .required)
            .field("shipment_ids", .string, .required)
            .field("substatus", .string)
            .field("due_at", .datetime, .required)
            .field("scheduled_at", .datetime, .required)
            .field("sent_at", .datetime)
            .field("skip_reason", .string)
            .field("last_error", .string)
            .field("recipient", .string, .required)
            .field("subject", .string)
            .field("store_id", .uuid, .required, .references("stores", "id", onDelete: .cascade))
            .field("order_id", .uuid, .required, .references("orders", "id", onDelete: .cascade))
            .unique(on: "store_id", "idempotency_key")
            .create()
        try await database.createIndex("messages_by_order", on: "messages", columns: ["store_id", "order_id"])
        try await database.createIndex("messages_by_recipient", on: "messages",
                                       columns: ["store_id", "recipient", "category", "sent_at"])
    }

    func revert(on database: Database) async throws {
        try await database.schema("messages").delete()
    }
}

struct CreateMessageSupport: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("outbox_emails")
            .id()
            .field("created_at", .datetime, .required)
            .field("recipient", .string, .required)
            .field("subject", .string, .required)
            .field("mime", .string, .required)
            .field("html", .string, .required)
            .field("text", .string, .required)
            .field("message_id", .uuid)
            .field("store_id", .uuid, .required, .references("stores", "id", onDelete: .cascade))
            .create()
        try await database.createIndex("outbox_by_store", on: "outbox_emails", columns: ["store_id", "created_at"])
        try await database.schema("message_templates")
            .id()
            .field("updated_at", .datetime, .required)
            .field("type", .string, .required)
            .field("locale", .string, .required)
            .field("subject", .string, .required)
            .field("html", .string, .required)
            .field("text", .string, .required)
            .field("store_id", .uuid, .required, .references("stores", "id", onDelete: .cascade))
            .unique(on: "store_id", "type", "locale")
            .create()
        try await database.schema("message_settings")
            .id()
            .field("updated_at", .datetime, .required)
            .field("settings", .json, .required)
            .field("signing_key", .string, .required)
            .field("store_id", .uuid, .required, .references("stores", "id", onDelete: .cascade))
            .unique(on: "store_id")
            .create()
        try await database.schema("unsubscribes")
            .id()
            .field("created_at", .datetime, .required)
            .field("email_normalized", .string, .required)
            .field("category", .string, .required)
            .field("store_id", .uuid, .required, .references("stores", "id", onDelete: .cascade))
            .unique(on: "store_id", "email_normalized", "category")
            .create()
        try await database.schema("reviews")
            .id()
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("product_key", .string, .required)
            .field("product_title", .string, .required)
            .field("stars", .int, .required)
            .field("comment", .string)
            .field("order_id", .uuid, .required, .references("orders", "id", onDelete: .cascade))
            .field("store_id", .uuid, .required, .references("stores", "id", onDelete: .cascade))
            .unique(on: "store_id", "order_id", "product_key")
            .create()
    }

    func revert(on database: Database) async throws {
        for table in ["outbox_emails", "message_templates", "message_settings", "unsubscribes", "reviews"] {
            try await database.schema(table).delete()
        }
    }
}
