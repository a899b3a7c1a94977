import Fluent
import Vapor

/// Process-wide carrier state: cached tokens, rate budgets and circuit breakers are per process by design,
/// so each instance stays polite on its own (see docs/CARRIERS.md).
struct CarrierServices: Sendable {
    var tokens = OAuthTokenCache()
    var limits = CarrierRateLimits()
    var circuits = CarrierCircuits()
    var polling = PollingSettings()
    var baseURLs: [String: String] = [:]
}

extension Application {
    var secretBox: SecretBox { services.secretBox }

    func integrationVault(storeID: UUID) -> IntegrationVault {
        IntegrationVault(database: db, world: world, box: secretBox, storeID: storeID)
    }

    var carrierAPI: CarrierAPIClient {
        CarrierAPIClient(client: client, baseURLs: services.carriers.baseURLs, tokens: services.carriers.tokens, world: world)
    }

    func carrierIntake(storeID: UUID) -> CarrierIntake {
        CarrierIntake(finder: ShipmentFinder(database: db, storeID: storeID),
                      inbox: CarrierInbox(database: db, world: world, storeID: storeID),
                      recorder: carrierRecorder(storeID: storeID))
    }

    func carrierRecorder(storeID: UUID) -> CarrierEventRecorder {
        CarrierEventRecorder(ledger: shipmentLedger(storeID: storeID),
                             codes: CarrierCodeBook(database: db, world: world, storeID: storeID))
    }

    var shipmentTracker: ShipmentTracker {
        ShipmentTracker(database: db, world: world, api: carrierAPI, carriers: services.carriers,
                        vault: { [self] in integrationVault(storeID: $0) },
                        intake: { [self] in carrierIntake(storeID: $0) },
                        ledger: { [self] in shipmentLedger(storeID: $0) }, logger: logger)
    }

    var carrierPolling: CarrierPolling { CarrierPolling(database: db, world: world) }

    /// Carriers the store has API credentials for come first when a number could belong to several.
    func identifyCarrier(storeID: UUID) -> @Sendable (NewShipment) async throws -> CarrierIdentity {
        let detector = services.carrierDetector
        let database = db
        return { draft in
            let configured = try await IntegrationRecord.query(on: database).filter(\.$storeID == storeID).all()
                .map(\.provider).filter { CarrierAPIClient.supportedCarriers.contains($0) }
            return CarrierIdentity.identify(name: draft.carrier, service: draft.service, trackingNumber: draft.trackingNumber,
                                            detector: detector, preferring: Set(configured))
        }
    }
}
