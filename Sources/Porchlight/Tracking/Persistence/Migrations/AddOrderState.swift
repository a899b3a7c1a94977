import Fluent
import SQLKit

/// Whether the store still expects to fulfil an order (open, cancelled, refunded, returned).
struct AddOrderState: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("orders")
            .field("state", .string, .required, .sql(.default("open")))
            .update()
    }

    func revert(on database: Database) async throws {
        try await database.schema("orders").deleteField("state").update()
    }
}
