import Foundation

/// Where every carrier report for a store lands: on the parcels with that tracking number, or, when there
/// is none yet, in the inbox until the parcel shows up. Built on the caller's transaction.
struct CarrierIntake: Sendable {
    let finder: ShipmentFinder
    let inbox: CarrierInbox
    let recorder: CarrierEventRecorder

    typealias Delivery = CarrierEventRecorder.Delivery
    typealias Outcome = CarrierEventRecorder.Outcome

    /// Pushed reports, matched to parcels by tracking number; unmatched ones are held.
    func take(_ deliveries: [Delivery]) async throws -> Outcome {
        let parcels = try await finder.lock(trackingNumbers: deliveries.map(\.report.trackingNumber))
        let byNumber = Dictionary(grouping: parcels, by: \.trackingNumber)
        var matched: [(delivery: Delivery, parcels: [ShipmentRecord])] = []
        var held = 0
        for delivery in deliveries {
            let number = delivery.report.trackingNumber
            let found = Set([number, CarrierDetector.normalize(number)]).flatMap { byNumber[$0] ?? [] }
            if found.isEmpty {
                try await inbox.hold(delivery.report, source: delivery.source)
                held += 1
            } else {
                matched.append((delivery, found))
            }
        }
        var outcome = try await recorder.apply(matched)
        outcome.held = held
        return outcome
    }

    /// A report we polled for one parcel.
    func apply(_ report: CarrierReport, source: String, to shipmentID: UUID) async throws -> Outcome {
        let parcels = try await finder.lock(ids: [shipmentID])
        return try await recorder.apply([(Delivery(report: report, source: source, pushedBy: nil), parcels)])
    }

    /// Applies what arrived for a parcel before the parcel itself did, in the transaction that takes it out
    /// of the inbox, so a crash in between loses nothing. Only pushes are ever held.
    @discardableResult
    func releaseHeld(for shipment: ShipmentRecord) async throws -> Int {
        let held = try await inbox.claim(trackingNumber: shipment.trackingNumber)
        guard !held.isEmpty else { return 0 }
        let parcels = try await finder.lock(ids: [try shipment.requireID()])
        return try await recorder.apply(held.map {
            (Delivery(report: $0.report, source: $0.source, pushedBy: $0.source), parcels)
        }).newEvents
    }
}
