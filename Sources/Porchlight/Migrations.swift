import Fluent

/// The single ordered list of migrations. Never edit a shipped one: add a new one at the end.
enum Migrations {
    static let all: [any Migration] = [
        // 001 stores and their API keys
        CreateStores(),
        CreateAPIKeys(),
        // 002 orders, their items, shipments and carrier events
        CreateOrders(),
        CreateLineItems(),
        CreateShipments(),
        CreateShipmentEvents(),
        // 003 the durable job queue, and the messages it sends
        CreateJobs(),
        CreateMessages(),
        CreateMessageSupport(),
        AddOrderState(),
        // 004 carrier tracking: credentials, detection, polling, webhooks and estimates
        CreateIntegrations(),
        UpdateShipmentsAddCarrierTracking(),
        CreateCarrierSupport(),
        // 005 store platforms: webhooks and their log
        CreateIntegrationLog(),
        CreateStorefrontOrders(),
        // 006 CSV import
        CreateImportRuns(),
        // 007 merchant accounts: people, their sessions and password links
        CreateUsers(),
        CreateSessions(),
        CreatePasswordResets(),
        // 008 the dashboard: order search and page views
        CreateOrderSearchTerms(),
        CreateStoreLogos(),
        UpdateShipmentsAddDashboardIndexes(),
    ]
}
