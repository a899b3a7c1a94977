import Fluent

struct CreateUsers: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("users")
            .id()
            .field("created_at", .datetime, .required)
            .field("email", .string, .required)
            .field("name", .string, .required)
            .field("password_hash", .string, .required)
            .field("role", .string, .required)
            .field("failed_sign_ins", .int, .required)
            .field("last_failed_at", .datetime)
            .field("locked_until", .datetime)
            .field("last_sign_in_at", .datetime)
            .field("store_id", .uuid, .required, .references("stores", "id", onDelete: .cascade))
            // One account per address keeps sign-in to two fields; a person in two stores uses two addresses.
            .unique(on: "email")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("users").delete()
    }
}
