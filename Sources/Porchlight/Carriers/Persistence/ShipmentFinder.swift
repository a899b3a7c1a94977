import Fluent
import Foundation
import SQLKit

/// Finds a store's parcels by the tracking number a carrier reports, which may be spaced or cased
/// differently, and locks them for the transaction that records their events.
struct ShipmentFinder: Sendable {
    let database: Database
    let storeID: UUID

    /// The parcels with any of these numbers, as reported or normalised.
    func lock(trackingNumbers: some Collection<String>) async throws -> [ShipmentRecord] {
        let numbers = Array(Set(trackingNumbers.flatMap { [$0, CarrierDetector.normalize($0)] }))
        var found: [ShipmentRecord] = []
        for chunk in numbers.chunked(500) where !chunk.isEmpty {
            try await lock(where: "tracking_number IN (\(binds: chunk))")
            found += try await ShipmentRecord.read(where: "tracking_number IN (\(binds: chunk))", storeID: storeID, on: database)
        }
        return found
    }

    func lock(ids: [UUID]) async throws -> [ShipmentRecord] {
        guard !ids.isEmpty else { return [] }
        try await lock(where: "id IN (\(binds: ids))")
        return try await ShipmentRecord.read(where: "id IN (\(binds: ids))", storeID: storeID, on: database)
    }

    /// PostgreSQL: row locks taken in id order, so batches sharing parcels wait for each other instead of
    /// deadlocking. SQLite: a write first, because a transaction that starts by reading fails at once,
    /// rather than waiting, when it later wants to write while another connection writes. An UPDATE that
    /// matches no row is enough to take SQLite's one write lock.
    private func lock(where condition: SQLQueryString) async throws {
        let statement: SQLQueryString = database.isPostgres
            ? "SELECT id FROM shipments WHERE store_id = \(bind: storeID) AND \(condition) ORDER BY id FOR UPDATE"
            : "UPDATE shipments SET updated_at = updated_at WHERE 0 = 1"
        try await database.sql.raw(statement).run()
    }
}
