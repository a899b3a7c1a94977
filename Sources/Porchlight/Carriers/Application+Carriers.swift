import Fluent
import NIOConcurrencyHelpers
import Vapor

/// Process-wide carrier state: cached tokens, rate budgets and circuit breakers are per process by design,
/// so each instance stays polite on its own (see docs/CARRIERS.md).
struct CarrierServices: Sendable {
    var tokens = OAuthTokenCache()
    var limits = CarrierRateLimits()
    var circuits = CarrierCircuits()
    var polling = PollingSettings()
    var baseURLs: [String: String] = [:]
    var estimators = EstimatorCache()
}

/// The orders a transaction reported changed, for live pages to hear of once it committed.
struct ChangedOrders: Sendable {
    private let ids = NIOLockedValueBox<Set<UUID>>([])

    var note: @Sendable (UUID) async -> Void { { [ids] id in ids.withLockedValue { _ = $0.insert(id) } } }
    var all: [UUID] { ids.withLockedValue { Array($0) } }
}

extension Application {
    var secretBox: SecretBox { services.secretBox }

    func integrationVault(storeID: UUID) -> IntegrationVault {
        IntegrationVault(database: db, world: world, box: secretBox, storeID: storeID,
                         changed: { [secrets = services.webhookSecrets] in secrets.forget(storeID: $0) })
    }

    var carrierAPI: CarrierAPIClient {
        CarrierAPIClient(client: client, baseURLs: services.carriers.baseURLs, tokens: services.carriers.tokens, world: world)
    }

    /// Runs `body` in one transaction taken through the write gate (so on SQLite it queues behind webhooks
    /// being taken in rather than spinning on the lock), and tells live pages of the orders it reported
    /// changed once it committed. `body` gets the transaction and the closure to report an order with.
    func inCarrierTransaction<T: Sendable>(
        _ body: @escaping @Sendable (any Database, @escaping @Sendable (UUID) async -> Void) async throws -> T
    ) async throws -> T {
        let changed = ChangedOrders()
        let result = try await services.writeGate.run { try await db.transaction { tx in try await body(tx, changed.note) } }
        await ordersChanged(changed.all)
        return result
    }

    /// The same, on an intake built on the transaction.
    func withCarrierIntake<T: Sendable>(storeID: UUID, _ body: @escaping @Sendable (CarrierIntake) async throws -> T) async throws -> T {
        try await inCarrierTransaction { [self] tx, note in
            try await body(carrierIntake(storeID: storeID, on: tx, onOrderChanged: note))
        }
    }

    /// `database` and `onOrderChanged` as for `shipmentLedger(storeID:on:onOrderChanged:)`: the intake
    /// expects a transaction (see `withCarrierIntake`).
    func carrierIntake(storeID: UUID, on database: (any Database)? = nil,
                       onOrderChanged: (@Sendable (UUID) async -> Void)? = nil) -> CarrierIntake {
        CarrierIntake(finder: ShipmentFinder(database: database ?? db, storeID: storeID),
                      inbox: CarrierInbox(database: database ?? db, world: world, storeID: storeID),
                      recorder: carrierRecorder(storeID: storeID, on: database, onOrderChanged: onOrderChanged))
    }

    func carrierRecorder(storeID: UUID, on database: (any Database)? = nil,
                         onOrderChanged: (@Sendable (UUID) async -> Void)? = nil) -> CarrierEventRecorder {
        CarrierEventRecorder(ledger: shipmentLedger(storeID: storeID, on: database, onOrderChanged: onOrderChanged),
                             codes: CarrierCodeBook(database: database ?? db, world: world, storeID: storeID))
    }

    var shipmentTracker: ShipmentTracker {
        ShipmentTracker(database: db, world: world, api: carrierAPI, carriers: services.carriers,
                        vault: { [self] in integrationVault(storeID: $0) },
                        withIntake: { [self] storeID, body in try await withCarrierIntake(storeID: storeID, body) },
                        ledger: { [self] in shipmentLedger(storeID: $0) }, logger: logger)
    }

    var carrierPolling: CarrierPolling { CarrierPolling(database: db, world: world) }

    /// Estimates from the store's own delivered history, falling back to the carrier's promise, then defaults.
    func windowEstimator(storeID: UUID, on database: (any Database)? = nil)
        -> @Sendable (ShipmentRecord, OrderRecord) async throws -> Estimate? {
        let cache = services.carriers.estimators, database = database ?? db, world = world
        return { shipment, order in
            let now = world.now()
            let estimator = try await cache.estimator(storeID: storeID, now: now) {
                try await TransitHistory.samples(storeID: storeID, now: now, on: database)
            }
            let last = shipment.lastEventAt.map { EstimateRequest.LastEvent(status: shipment.shipmentStatus, occurredAt: $0) }
            let request = EstimateRequest(
                carrier: shipment.carrierCode, service: shipment.service,
                destinationRegion: TransitSample.region(of: order.shippingAddress),
                shippedAt: shipment.shippedAt ?? shipment.lastMovementAt, placedAt: order.placedAt, timeZone: order.zone,
                carrierEstimate: shipment.carrierWindow, lastEvent: last)
            return estimator.estimate(request, now: now)
        }
    }

    /// Carriers the store has API credentials for come first when a number could belong to several.
    func identifyCarrier(storeID: UUID) -> @Sendable (NewShipment) async throws -> CarrierIdentity {
        { [self] draft in try await carrierIdentifier(storeID: storeID)(draft) }
    }

    /// The same, with the store's integrations read once: for naming many parcels in a row.
    func carrierIdentifier(storeID: UUID) async throws -> @Sendable (NewShipment) -> CarrierIdentity {
        let detector = services.carrierDetector
        let configured = Set(try await IntegrationRecord.query(on: db).filter(\.$storeID == storeID).all()
            .map(\.provider).filter { CarrierAPIClient.supportedCarriers.contains($0) })
        return { draft in
            CarrierIdentity.identify(name: draft.carrier, service: draft.service, trackingNumber: draft.trackingNumber,
                                     detector: detector, preferring: configured)
        }
    }
}
