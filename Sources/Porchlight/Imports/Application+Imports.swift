import Vapor

extension Application {
    /// The importer for one store. Customers hear of imported orders only with `notifyingCustomers`; their
    /// parcels are tracked either way.
    func orderImporter(store: StoreRecord, notifyingCustomers: Bool) async throws -> OrderImporter {
        let storeID = try store.requireID()
        var ledger = shipmentLedger(storeID: storeID, notifyingCustomers: notifyingCustomers)
        // Read the store's carrier integrations once, not once per parcel.
        let identify = try await carrierIdentifier(storeID: storeID)
        ledger.identifyCarrier = { identify($0) }
        var importer = OrderImporter(ledger: ledger, runs: ImportRuns(database: db, storeID: storeID), world: world,
                                     defaultLocale: store.defaultLocale)
        importer.logger = logger
        return importer
    }
}
