import Fluent

struct CreateSessions: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("sessions")
            .id()
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("token_hash", .string, .required)
            .field("csrf_token", .string, .required)
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("store_id", .uuid, .required, .references("stores", "id", onDelete: .cascade))
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("sessions").delete()
    }
}
