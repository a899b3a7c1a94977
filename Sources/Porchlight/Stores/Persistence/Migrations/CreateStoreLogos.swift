import Fluent

struct CreateStoreLogos: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("store_logos")
            .id()
            .field("updated_at", .datetime, .required)
            .field("content_type", .string, .required)
            .field("bytes", .data, .required)
            .field("store_id", .uuid, .required, .references("stores", "id", onDelete: .cascade))
            .unique(on: "store_id")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("store_logos").delete()
    }
}
