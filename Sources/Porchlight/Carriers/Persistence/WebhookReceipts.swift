import Fluent
import Foundation
import SQLKit

/// The ids of webhook deliveries already taken in, so a provider's retry of one we stored is a no-op.
/// Remembered only after the events are committed: a delivery that failed half-way is taken in again.
struct WebhookReceipts: Sendable {
    let database: Database
    let world: World
    let storeID: UUID

    func seen(_ provider: String, _ eventID: String) async throws -> Bool {
        try await !database.sql.raw("""
            SELECT 1 AS seen FROM webhook_receipts
            WHERE store_id = \(bind: storeID) AND provider = \(bind: provider) AND event_id = \(bind: eventID)
            """).all().isEmpty
    }

    func remember(_ provider: String, _ eventID: String) async throws {
        try await database.sql.raw("""
            INSERT INTO webhook_receipts (id, received_at, provider, event_id, store_id)
            VALUES (\(bind: world.uuid()), \(bind: world.now()), \(bind: provider), \(bind: String(eventID.prefix(200))),
                    \(bind: storeID))
            ON CONFLICT (store_id, provider, event_id) DO NOTHING
            """).run()
    }

    /// Providers retry for a few days at most; older receipts only take space.
    static func prune(on database: Database, before cutoff: Date) async throws {
        try await database.sql.raw("DELETE FROM webhook_receipts WHERE received_at < \(bind: cutoff)").run()
    }
}
