import Fluent

struct CreateStores: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("stores")
            .id()
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("revision", .int, .required)
            .field("slug", .string, .required)
            .field("name", .string, .required)
            .field("logo_url", .string)
            .field("accent_color", .string, .required)
            .field("background_color", .string, .required)
            .field("font", .string)
            .field("support_email", .string)
            .field("support_url", .string)
            .field("return_policy_url", .string)
            .field("default_locale", .string, .required)
            .field("suggestions", .array(of: .json), .required)
            .unique(on: "slug")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("stores").delete()
    }
}
