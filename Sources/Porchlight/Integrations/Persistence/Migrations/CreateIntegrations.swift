import Fluent

struct CreateIntegrations: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("integrations")
            .id()
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("provider", .string, .required)
            .field("sealed_settings", .string, .required)
            .field("masked_settings", .json, .required)
            .field("store_id", .uuid, .required, .references("stores", "id", onDelete: .cascade))
            .unique(on: "store_id", "provider")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("integrations").delete()
    }
}
