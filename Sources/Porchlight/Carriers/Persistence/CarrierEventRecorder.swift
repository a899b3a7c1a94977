import Foundation

/// Turns carriers' reports into events on parcels, through the same ledger as every other event, so
/// deduplication, derived statuses, live pages and messages work the same whichever way news arrives.
/// Built on the caller's transaction, which has locked the parcels (see `Application.withCarrierIntake`).
struct CarrierEventRecorder: Sendable {
    let ledger: ShipmentLedger
    let codes: CarrierCodeBook

    struct Outcome: Sendable, Equatable {
        var newEvents = 0
        var unknownCodes = 0
        var held = 0
    }

    /// A report, the table its codes come from (the carrier polled, or the aggregator that pushed), and who
    /// pushed it: a pushed parcel is polled only as a daily safety net. Nil when we polled.
    struct Delivery: Sendable {
        var report: CarrierReport
        var source: String
        var pushedBy: String?
    }

    /// Records every delivery on its parcels at once: a batch costs a few statements, not a few per event.
    func apply(_ deliveries: [(delivery: Delivery, parcels: [ShipmentRecord])]) async throws -> Outcome {
        var maps: [String: CarrierStatusMap] = [:]
        var news: [UUID: ShipmentLedger.ParcelNews] = [:], order: [UUID] = []
        var unknown: [EventKey: (source: String, scan: CarrierScan)] = [:]
        for (delivery, parcels) in deliveries {
            let map = try await map(delivery.source, cache: &maps)
            let scans = delivery.report.scans.map { ($0, map.map($0)) }
            for parcel in parcels {
                let id = try parcel.requireID()
                if news[id] == nil { news[id] = .init(shipment: parcel, events: []); order.append(id) }
                for (scan, mapped) in scans {
                    let draft = scan.draft(mapped)
                    news[id]!.events.append(draft)
                    if !mapped.isKnown { unknown[EventKey(shipmentID: id, dedupeKey: draft.dedupeKey)] = (delivery.source, scan) }
                }
                if note(delivery, scans: scans, on: parcel) { news[id]!.trackingChanged = true }
            }
        }
        let recorded = try await ledger.recordMany(order.compactMap { news[$0] })
        var outcome = Outcome(newEvents: recorded.created.count)
        for (shipmentID, event) in recorded.created {
            guard let (source, scan) = unknown[EventKey(shipmentID: shipmentID, dedupeKey: event.dedupeKey)] else { continue }
            outcome.unknownCodes += 1
            try await codes.countUnknown(source: source, code: scan.code, text: scan.text)
        }
        for orderID in recorded.changedOrders { await ledger.onOrderChanged(orderID) }
        return outcome
    }

    private func map(_ source: String, cache: inout [String: CarrierStatusMap]) async throws -> CarrierStatusMap {
        if let map = cache[source] { return map }
        guard let map = try await codes.map(source: source) else {
            throw CarrierCallError.notConfigured("No status table for '\(source)'.")
        }
        cache[source] = map
        return map
    }

    /// Who pushes the parcel, when it last moved and what the carrier promises, kept on the parcel in
    /// memory for the ledger to write; says whether anything changed.
    private func note(_ delivery: Delivery, scans: [(CarrierScan, MappedScan)], on parcel: ShipmentRecord) -> Bool {
        var changed = false
        if let pusher = delivery.pushedBy, parcel.pushProvider != pusher {
            parcel.pushProvider = pusher
            changed = true
        }
        let moved = scans.filter { $0.1.mapping.status.showsMovement }.map(\.0.occurredAt).max()
        if let moved, parcel.lastMovementAt.map({ $0 < moved }) ?? true {
            parcel.lastMovementAt = moved
            changed = true
        }
        if let promise = delivery.report.estimatedDelivery, parcel.carrierWindow != promise {
            parcel.carrierEarliest = promise.earliest
            parcel.carrierLatest = promise.latest
            changed = true
        }
        return changed
    }
}
