import Fluent
import SQLKit

/// The dashboard's questions about parcels, each answered from an index at any table size:
/// deliveries by day, parcels by status, and the few kinds of parcel that need attention.
struct UpdateShipmentsAddDashboardIndexes: AsyncMigration {
    private static let indexes: [(String, [String])] = [
        // The extra columns let deliveries per day and the median be counted from the index alone.
        ("shipments_by_delivered", ["store_id", "delivered_at", "shipped_at", "created_at"]),
        ("shipments_by_created_status", ["store_id", "created_at", "status"]),
        ("shipments_by_status_window", ["store_id", "status", "estimated_latest"]),
        ("shipments_by_carrier_source", ["store_id", "carrier_source"]),
        ("shipments_by_substatus", ["store_id", "substatus"]),
    ]

    func prepare(on database: Database) async throws {
        for (name, columns) in Self.indexes { try await database.createIndex(name, on: "shipments", columns: columns) }
    }

    func revert(on database: Database) async throws {
        for (name, _) in Self.indexes { try await database.sql.drop(index: name).run() }
    }
}
