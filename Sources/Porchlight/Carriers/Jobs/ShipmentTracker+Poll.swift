import Fluent
import Foundation
import SQLKit

extension ShipmentTracker {
    /// Marks events Porchlight records itself (expired, stalled), so they are never mistaken for carrier news.
    static let healthCode = "porchlight.health"

    /// Asks the carrier once, inside its circuit breaker and rate budgets, and records what it says.
    func poll(_ shipment: ShipmentRecord, carrier: String, settings: IntegrationSettings) async throws {
        let now = world.now()
        if let reopen = await carriers.circuits.permit(carrier, now: now) { throw CarrierCallError.rateLimited(retryAt: reopen) }
        let credentialKey = "\(carrier):\(settings[.clientID] ?? settings[.apiKey] ?? "")"
        for key in [carrier, credentialKey] {
            if let slot = await carriers.limits.take(key, now: now) { throw CarrierCallError.rateLimited(retryAt: slot) }
        }
        let report: CarrierReport
        do {
            report = try await api.track(carrier: carrier, trackingNumber: shipment.trackingNumber, settings: settings)
            await carriers.circuits.recordSuccess(carrier, now: world.now())
        } catch let error as CarrierCallError {
            switch error {
            case .unavailable: await carriers.circuits.recordFailure(carrier, now: world.now())
            case .rateLimited(let retryAt):
                let until = retryAt ?? world.now().addingTimeInterval(60)
                await carriers.limits.pause(credentialKey, until: until, now: world.now())
            default: await carriers.circuits.recordSuccess(carrier, now: world.now())
            }
            throw error
        }
        let shipmentID = try shipment.requireID()
        _ = try await withIntake(shipment.storeID) { try await $0.apply(report, source: carrier, to: shipmentID).newEvents }
    }

    /// Decides when to try again after a failed call, and keeps count of failures in a row for backing off.
    func handle(_ error: CarrierCallError, shipment: ShipmentRecord) async throws -> Date? {
        let now = world.now()
        var rng = world.randomNumberGenerator
        switch error {
        case .rateLimited(let retryAt):
            // Jitter, so every parcel turned away at one moment does not come back at the same one.
            return (retryAt ?? now.addingTimeInterval(60)).addingTimeInterval(rng.unitInterval() * 15)
        case .unavailable:
            try await notePoll(shipment, failed: true)
            let delay = Backoff.delay(attempt: shipment.pollFailures + 1, base: 60, cap: 6 * 3_600, rng: &rng)
            return now.addingTimeInterval(delay)
        case .notFound:
            try await notePoll(shipment, failed: false)
            return nil
        case .unauthorized, .rejected, .notConfigured:
            logger.warning("Polling \(shipment.carrierCode ?? "?") for shipment \(shipment.id?.uuidString ?? "?"): \(error)")
            try await notePoll(shipment, failed: true)
            return nil
        }
    }

    func notePoll(_ shipment: ShipmentRecord, failed: Bool) async throws {
        try await database.sql.raw("""
            UPDATE shipments SET last_polled_at = \(bind: world.now()),
                poll_failures = \(failed ? SQLQueryString("poll_failures + 1") : SQLQueryString("0"))
            WHERE id = \(bind: try shipment.requireID()) AND store_id = \(bind: shipment.storeID)
            """).run()
    }

    /// The carrier's own news about a parcel, leaving out what Porchlight recorded itself.
    struct CarrierHistory {
        var lastEventAt: Date?
        var lastMovementAt: Date?
    }

    /// Records "expired" or "stalled" when the carrier's own events say so. Re-checking gives the same
    /// event, which the ledger stores once, so a stall is announced once. Returns the parcel as it is now,
    /// with its carrier history, which a health event leaves unchanged.
    func checkHealth(_ storeID: UUID, _ id: UUID) async throws -> (shipment: ShipmentRecord, history: CarrierHistory)? {
        guard var shipment = try await find(storeID, id) else { return nil }
        let history = try await carrierHistory(shipment)
        let health = TrackingHealth.assess(
            status: shipment.shipmentStatus, createdAt: shipment.createdAt, lastEventAt: history.lastEventAt,
            lastMovementAt: history.lastMovementAt, hasAnyCarrierEvent: history.lastEventAt != nil,
            carrier: shipment.carrierCode, now: world.now(), settings: carriers.polling)
        if let event = health.event {
            let (_, created) = try await ledger(storeID).record(
                NewShipmentEvent(status: event.status, substatus: event.substatus, occurredAt: event.occurredAt,
                                 message: event.message, location: nil, carrierCode: Self.healthCode), on: id)
            if created, let fresh = try await find(storeID, id) { shipment = fresh }
        }
        return (shipment, history)
    }

    /// When the job should run next: the planner's adaptive time when we can poll, a daily health check when
    /// we can't, and never once the planner gives up on the parcel.
    func nextRun(_ shipment: ShipmentRecord, history: CarrierHistory, canPoll: Bool) async throws -> Date? {
        let zone = try await OrderRecord.query(on: database).filter(\.$storeID == shipment.storeID)
            .filter(\.$id == shipment.orderID).first()?.zone ?? TimeZone(identifier: "UTC")!
        let now = world.now()
        let facts = PollFacts(status: shipment.shipmentStatus, carrier: shipment.carrierCode, createdAt: shipment.createdAt,
                              shippedAt: shipment.shippedAt, lastEventAt: history.lastEventAt,
                              lastMovementAt: history.lastMovementAt, estimatedWindow: shipment.window, timeZone: zone,
                              hasPushWebhook: shipment.pushProvider != nil || !canPoll, now: now)
        var rng = world.randomNumberGenerator
        return PollPlanner.nextPoll(facts, settings: carriers.polling, rng: &rng)
    }

    private func carrierHistory(_ shipment: ShipmentRecord) async throws -> CarrierHistory {
        let events = try await ShipmentEventRecord.query(on: database)
            .filter(\.$storeID == shipment.storeID).filter(\.$shipmentID == shipment.requireID()).all()
            .filter { $0.carrierCode != Self.healthCode }
        let moved = events.filter { TrackingHealth.isMovement(status: ShipmentStatus(rawValue: $0.status) ?? .pending,
                                                              substatus: $0.substatus) }
        return CarrierHistory(lastEventAt: events.map(\.occurredAt).max(), lastMovementAt: moved.map(\.occurredAt).max())
    }
}
