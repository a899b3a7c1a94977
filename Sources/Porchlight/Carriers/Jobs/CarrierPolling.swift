import Fluent
import Foundation
import SQLKit

/// Starts tracking jobs for parcels that were waiting on credentials, e.g. right after a store connects UPS.
struct CarrierPolling: Sendable {
    let database: Database
    let world: World

    func startPolling(storeID: UUID, carrier: String) async throws {
        let ids = try await database.sql.raw("""
            SELECT id FROM shipments
            WHERE store_id = \(bind: storeID) AND carrier_code = \(bind: carrier)
              AND status NOT IN ('Delivered', 'Expired')
            """).all().map { try $0.decode(column: "id", as: UUID.self) }
        for id in ids {
            try await JobQueue.enqueueOrWake(ShipmentTracker.job(for: id, at: world.now()), storeID: storeID,
                                             on: database, world: world)
        }
    }
}
