import Fluent
import SQLKit

/// What carrier tracking needs to know about a parcel: the carrier's code and how we learned it, the window
/// promised when it shipped (for the accuracy report), the last real movement, and whether the carrier pushes.
struct UpdateShipmentsAddCarrierTracking: AsyncMigration {
    private static let fields: [(String, DatabaseSchema.DataType, [DatabaseSchema.FieldConstraint])] = [
        ("carrier_code", .string, []),
        ("carrier_source", .string, [.required, .sql(.default("store"))]),
        ("promised_earliest", .string, []),
        ("promised_latest", .string, []),
        ("estimate_source", .string, []),
        ("carrier_earliest", .string, []),
        ("carrier_latest", .string, []),
        ("last_movement_at", .datetime, []),
        ("push_provider", .string, []),
        ("poll_failures", .int, [.required, .sql(.default(0))]),
        ("last_polled_at", .datetime, []),
    ]

    // SQLite adds one column per ALTER TABLE, so each field gets its own statement.
    func prepare(on database: Database) async throws {
        for (name, type, constraints) in Self.fields {
            try await database.schema("shipments")
                .field(.definition(name: .key(.string(name)), dataType: type, constraints: constraints)).update()
        }
        try await database.createIndex("shipments_by_carrier_number", on: "shipments",
                                       columns: ["store_id", "carrier_code", "tracking_number"])
    }

    func revert(on database: Database) async throws {
        for (name, _, _) in Self.fields {
            try await database.schema("shipments").deleteField(.string(name)).update()
        }
    }
}
