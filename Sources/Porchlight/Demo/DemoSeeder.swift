import Fluent
import Foundation

/// Fills a fresh database with the demo store and about twenty orders at every stage of delivery.
struct DemoSeeder {
    /// The order the banner links to: its label has just been created, so it has a journey ahead.
    static let featuredIndex = 3

    let database: Database
    let world: World
    let publicURL: String
    var hooks: TrackingHooks = .none

    struct Seeded {
        var store: StoreRecord
        var apiKey: String
        var featuredOrderID: UUID
        var featuredToken: String
        var featuredOrderNumber: String
        var featuredEmail: String
    }

    func seed() async throws -> Seeded {
        let branding = StoreBranding(
            name: "Maple & Moss", logoURL: publicURL + SitePath.staticFile("demo-logo.svg").path,
            accentColor: HexColor("#2f6b4f")!, backgroundColor: HexColor("#fbf8f3")!, font: "Georgia",
            supportEmail: "help@maple-and-moss.example", supportURL: nil,
            returnPolicyURL: "https://maple-and-moss.example/returns", defaultLocale: "en")
        let created = try await StoreDirectory(database: database, world: world).create(slug: "maple", branding: branding)
        created.store.suggestions = DemoCatalog.suggestions
        try await created.store.save(on: database)
        let storeID = try created.store.requireID()
        _ = try await MessageSettingsBook(database: database, world: world, storeID: storeID).update(DemoCatalog.messageSettings)
        let book = OrderBook(database: database, world: world, storeID: storeID, hooks: hooks)
        let ledger = ShipmentLedger(book: book)
        var featured = (id: UUID?.none, token: "", number: "", email: "")
        let now = world.now()
        for (index, plan) in DemoCatalog.plans.enumerated() {
            let customer = DemoCatalog.customers[index % DemoCatalog.customers.count]
            let daysAgo = Double(plan.map(\.progressStep).max() ?? 0) + 0.4 + Double(index % 3) * 0.3
            let placedAt = now.addingTimeInterval(-daysAgo * 86_400)
            let items = (0..<(plan.count > 1 ? plan.count : 1 + index % 2)).map {
                DemoCatalog.products[(index + $0) % DemoCatalog.products.count]
            }
            let order = try await book.create(NewOrder(
                orderNumber: "MM-\(1001 + index)", email: customer.email, phone: nil, customerName: customer.name,
                placedAt: placedAt, currency: "USD", lineItems: items,
                shippingAddress: PostalAddress(name: customer.name, line1: "\(12 + index) Orchard Lane", line2: nil,
                                               city: customer.city, region: customer.region,
                                               postalCode: "0\(2100 + index)", country: customer.country),
                locale: customer.locale, timeZone: customer.timeZone), idempotencyKey: nil).order
            if index == Self.featuredIndex { featured = (order.id, order.trackingToken, order.orderNumber, order.email) }
            for (parcelIndex, target) in plan.enumerated() {
                let journey = CarrierJourney(destination: "\(customer.city), \(customer.region)")
                let steps = journey.scripted(until: target)
                let shippedAt = placedAt.addingTimeInterval(4 * 3600)
                let (shipment, _) = try await ledger.addShipment(NewShipment(
                    carrier: ["UPS", "USPS", "FedEx"][(index + parcelIndex) % 3],
                    trackingNumber: "1ZDEMO\(String(format: "%04d", index))\(parcelIndex)",
                    service: "Ground",
                    items: plan.count > 1 ? [ShipmentItem(sku: items[parcelIndex].sku, title: "", quantity: 1)] : [],
                    shippedAt: shippedAt), to: try order.requireID())
                let span = now.timeIntervalSince(shippedAt) - 1800
                for (stepIndex, step) in steps.enumerated() {
                    let at = shippedAt.addingTimeInterval(span * Double(stepIndex + 1) / Double(steps.count + 1))
                    _ = try await ledger.record(NewShipmentEvent(
                        status: step.status, substatus: step.substatus, occurredAt: at, message: step.message,
                        location: step.location, carrierCode: nil), on: try shipment.requireID())
                }
            }
        }
        return Seeded(store: created.store, apiKey: created.apiKey, featuredOrderID: featured.id ?? storeID, featuredToken: featured.token,
                      featuredOrderNumber: featured.number, featuredEmail: featured.email)
    }
}
