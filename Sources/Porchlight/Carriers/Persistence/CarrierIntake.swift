import Foundation

/// Where every carrier report for a store lands: on the parcels with that tracking number, or, when there
/// is none yet, in the inbox until the parcel shows up.
struct CarrierIntake: Sendable {
    let finder: ShipmentFinder
    let inbox: CarrierInbox
    let recorder: CarrierEventRecorder

    struct Outcome: Sendable, Equatable {
        var newEvents = 0
        var held = false
    }

    func take(_ report: CarrierReport, source: String, pushedBy: String?) async throws -> Outcome {
        let shipments = try await finder.shipments(trackingNumber: report.trackingNumber)
        guard !shipments.isEmpty else {
            try await inbox.hold(report, source: source)
            return Outcome(newEvents: 0, held: true)
        }
        var outcome = Outcome()
        for shipment in shipments {
            outcome.newEvents += try await recorder.apply(report, source: source, to: shipment.requireID(),
                                                          pushedBy: pushedBy).newEvents
        }
        return outcome
    }

    /// Applies what arrived for a parcel before the parcel itself did. Only pushes are ever held.
    @discardableResult
    func releaseHeld(for shipment: ShipmentRecord) async throws -> Int {
        var created = 0
        for held in try await inbox.claim(trackingNumber: shipment.trackingNumber) {
            created += try await recorder.apply(held.report, source: held.source, to: shipment.requireID(),
                                                pushedBy: held.source).newEvents
        }
        return created
    }
}
