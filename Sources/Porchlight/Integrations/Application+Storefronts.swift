import Vapor

extension Application {
    func integrationLog(storeID: UUID) -> IntegrationLog {
        IntegrationLog(database: db, world: world, storeID: storeID)
    }

    func storefrontIntake(storeID: UUID, provider: IntegrationProvider) -> StorefrontIntake {
        StorefrontIntake(provider: provider, ledger: shipmentLedger(storeID: storeID),
                         links: StorefrontOrderLinks(database: db, world: world, storeID: storeID))
    }
}
