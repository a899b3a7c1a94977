import Fluent
import Foundation

/// Keeps the demo alive: every few seconds one parcel takes its next step, or a waiting order ships.
struct DemoSimulator: Sendable {
    let ledger: ShipmentLedger
    /// The order whose link the banner prints: it moves more often, so a new user sees it change.
    var featuredOrderID: UUID?
    var database: Database { ledger.book.database }
    var world: World { ledger.book.world }
    var storeID: UUID { ledger.book.storeID }

    /// Runs until the task is cancelled, pausing 3–8 seconds (jittered) between steps.
    func run() async {
        var rng = world.randomNumberGenerator
        while !Task.isCancelled {
            do {
                try await world.sleep(.milliseconds(rng.integer(in: 3_000...8_000)))
                try await tick(using: &rng)
            } catch is CancellationError {
                return
            } catch {
                // A failed step is retried on the next tick; the demo must not stop.
                continue
            }
        }
    }

    func tick<R: RandomNumberGenerator>(using rng: inout R) async throws {
        if rng.unitInterval() < 0.2, try await shipWaitingOrder(using: &rng) { return }
        let open = try await ShipmentRecord.query(on: database)
            .filter(\.$storeID == storeID)
            .filter(\.$status !~ [ShipmentStatus.delivered.rawValue, ShipmentStatus.expired.rawValue])
            .all()
        let featured = open.filter { $0.orderID == featuredOrderID }
        let pool = !featured.isEmpty && rng.unitInterval() < 0.3 ? featured : open
        guard let shipment = pool.randomElement(using: &rng) else { return }
        let order = try await ledger.book.find(shipment.orderID)
        let events = try await ShipmentEventRecord.query(on: database)
            .filter(\.$storeID == storeID).filter(\.$shipmentID == shipment.requireID()).all()
            .sorted { ($0.occurredAt, $0.createdAt) < ($1.occurredAt, $1.createdAt) }
        let destination = [order.shippingAddress?.city, order.shippingAddress?.region].compactMap { $0 }.joined(separator: ", ")
        let history = events.map {
            CarrierJourney.Step(status: ShipmentStatus(rawValue: $0.status) ?? .pending, substatus: $0.substatus,
                                message: $0.message, location: $0.location)
        }
        guard let step = CarrierJourney(destination: destination).next(after: history, using: &rng) else { return }
        _ = try await ledger.record(NewShipmentEvent(status: step.status, substatus: step.substatus, occurredAt: world.now(),
                                                     message: step.message, location: step.location, carrierCode: nil),
                                    on: shipment.requireID())
    }

    private func shipWaitingOrder<R: RandomNumberGenerator>(using rng: inout R) async throws -> Bool {
        let waiting = try await OrderRecord.query(on: database)
            .filter(\.$storeID == storeID).filter(\.$parcelsTotal == 0).all()
        guard let order = waiting.randomElement(using: &rng) else { return false }
        let suffix = SecureToken.base64URL(world.randomBytes(4)).uppercased().filter { $0.isLetter || $0.isNumber }
        _ = try await ledger.addShipment(NewShipment(carrier: "UPS", trackingNumber: "1ZDEMO\(suffix)", service: "Ground",
                                                     items: [], shippedAt: world.now()), to: order.requireID())
        return true
    }
}
