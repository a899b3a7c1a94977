import Fluent
import Foundation
import SQLKit

/// Turns a carrier's report into events on one parcel, through the same ledger as every other event,
/// so deduplication, derived statuses, live pages and messages work the same whichever way news arrives.
struct CarrierEventRecorder: Sendable {
    let ledger: ShipmentLedger
    let codes: CarrierCodeBook

    struct Outcome: Sendable, Equatable {
        var newEvents = 0
        var unknownCodes = 0
    }

    /// `source` names the table the report's codes come from: the carrier polled, or the aggregator that pushed.
    /// `pushedBy` marks the parcel as pushed to us, so polling backs off to a daily safety net.
    @discardableResult
    func apply(_ report: CarrierReport, source: String, to shipmentID: UUID, pushedBy: String? = nil) async throws -> Outcome {
        guard let map = try await codes.map(source: source) else {
            throw CarrierCallError.notConfigured("No status table for '\(source)'.")
        }
        var outcome = Outcome()
        var lastMovement: Date?
        for scan in report.scans.sorted(by: { $0.occurredAt < $1.occurredAt }) {
            let mapped = map.map(scan)
            let (_, created) = try await ledger.record(scan.draft(mapped), on: shipmentID)
            if mapped.mapping.status.showsMovement { lastMovement = max(lastMovement ?? scan.occurredAt, scan.occurredAt) }
            guard created else { continue }
            outcome.newEvents += 1
            if !mapped.isKnown {
                outcome.unknownCodes += 1
                try await codes.countUnknown(source: source, code: scan.code, text: scan.text)
            }
        }
        try await noteTracking(shipmentID, estimate: report.estimatedDelivery, lastMovement: lastMovement, pushedBy: pushedBy)
        return outcome
    }

    /// One UPDATE, so it never overwrites what the ledger derived in the meantime, and none when nothing is new.
    private func noteTracking(_ shipmentID: UUID, estimate: DeliveryWindow?, lastMovement: Date?, pushedBy: String?) async throws {
        if let current = try await ShipmentRecord.query(on: ledger.book.database)
            .filter(\.$storeID == ledger.book.storeID).filter(\.$id == shipmentID).first(),
           pushedBy == nil || current.pushProvider == pushedBy,
           lastMovement.map { moved in current.lastMovementAt.map { $0 >= moved } ?? false } ?? true,
           estimate == nil || current.carrierWindow == estimate {
            return
        }
        try await ledger.book.database.sql.raw("""
            UPDATE shipments SET
                push_provider = COALESCE(\(bind: pushedBy), push_provider),
                last_movement_at = CASE WHEN last_movement_at IS NULL OR last_movement_at < \(bind: lastMovement)
                                        THEN COALESCE(\(bind: lastMovement), last_movement_at) ELSE last_movement_at END,
                carrier_earliest = COALESCE(\(bind: estimate?.earliest), carrier_earliest),
                carrier_latest = COALESCE(\(bind: estimate?.latest), carrier_latest)
            WHERE id = \(bind: shipmentID) AND store_id = \(bind: ledger.book.storeID)
            """).run()
        if estimate != nil { try await ledger.reestimate(shipmentID) }
    }
}
