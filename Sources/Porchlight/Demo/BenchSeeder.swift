import Fluent
import Foundation

/// Writes benchmark orders in large batches. Statuses are derived by the same domain code the ledger uses,
/// but rows go in a few hundred at a time so ten thousand orders take seconds, not minutes.
struct BenchSeeder {
    static let slug = "bench"
    struct Shape {
        var orders: Int; var parcels: Int; var events: Int
        /// Also plan each order's confirmation as a due message, for the mail benchmark.
        var messages = false
    }

    let database: Database
    let world: World
    let shape: Shape

    func seed() async throws -> [String] {
        let directory = StoreDirectory(database: database, world: world)
        var store = try await directory.store(slug: Self.slug)
        if store == nil {
            store = try await directory.create(slug: Self.slug,
                                               branding: StoreBranding(name: "Bench Goods", supportEmail: "help@bench.example")).store
        }
        guard let store else { return [] }
        let storeID = try store.requireID()
        var tokens: [String] = []
        let batch = 250
        for start in stride(from: 0, to: shape.orders, by: batch) {
            let rows = (start..<min(start + batch, shape.orders)).map { makeOrder($0, storeID: storeID) }
            try await database.transaction { db in
                // Chunks keep each INSERT under SQLite's limit on bound parameters.
                for chunk in rows.map(\.order).chunked(500) { try await chunk.create(on: db) }
                for chunk in rows.flatMap(\.items).chunked(500) { try await chunk.create(on: db) }
                for chunk in rows.flatMap(\.shipments).chunked(500) { try await chunk.create(on: db) }
                for chunk in rows.flatMap(\.events).chunked(500) { try await chunk.create(on: db) }
                try await OrderSearchIndex.insert(rows.flatMap { OrderSearchIndex.terms(of: $0.order, trackingNumbers: $0.shipments.map(\.trackingNumber)) }, on: db)
                if shape.messages { try await planConfirmations(rows.map(\.order), on: db) }
            }
            tokens += rows.map(\.order.trackingToken)
        }
        return tokens
    }

    private func planConfirmations(_ orders: [OrderRecord], on db: Database) async throws {
        let scheduler = MessageScheduler(world: world)
        for order in orders {
            let plan = PlannedMessage(type: .orderConfirmation, idempotencyKey: "order_confirmation:\(order.id!)",
                                      dueAt: world.now())
            try await scheduler.schedule([(plan, order)], on: db)
        }
    }

    private static let surnames = ["Rivera", "Okafor", "Lindqvist", "Tanaka", "Moreau", "Silva", "Novak", "Haddad"]

    private struct Rows {
        var order: OrderRecord; var items: [LineItemRecord]; var shipments: [ShipmentRecord]; var events: [ShipmentEventRecord]
    }

    private func makeOrder(_ index: Int, storeID: UUID) -> Rows {
        let now = world.now()
        let placedAt = now.addingTimeInterval(-Double(index % 7 + 1) * 86_400)
        let order = OrderRecord()
        order.id = world.uuid(); order.storeID = storeID; order.createdAt = now; order.updatedAt = now; order.revision = 1
        order.orderNumber = "B-\(index)"; order.lookupNumber = "b-\(index)"
        order.email = "buyer\(index)@example.com"; order.emailNormalized = order.email
        order.customerName = "Buyer \(Self.surnames[index % Self.surnames.count]) \(index)"; order.pageViews = index % 5
        order.placedAt = placedAt; order.currency = "USD"; order.locale = index % 4 == 0 ? "es" : "en"
        order.timeZone = "America/New_York"; order.trackingToken = SecureToken.trackingToken(world: world)
        order.shippingAddress = PostalAddress(name: "Buyer \(index)", line1: "1 Main St", city: "Springfield",
                                              region: "IL", postalCode: "62701", country: "US")
        let items = (0..<shape.parcels).map { position in
            LineItemRecord(id: world.uuid(), storeID: storeID, orderID: order.id!, position: position,
                           item: NewLineItem(sku: "SKU-\(position)", title: "Item \(position)", quantity: 1, price: "10.00"))
        }
        var shipments: [ShipmentRecord] = [], events: [ShipmentEventRecord] = []
        let journey = CarrierJourney(destination: "Springfield, IL")
        for parcel in 0..<shape.parcels {
            let shipment = ShipmentRecord()
            shipment.id = world.uuid(); shipment.position = parcel; shipment.storeID = storeID; shipment.orderID = order.id!
            shipment.createdAt = placedAt; shipment.updatedAt = now; shipment.carrier = "UPS"
            shipment.carrierCode = "ups"; shipment.carrierSource = CarrierSource.store.rawValue; shipment.pollFailures = 0
            shipment.trackingNumber = "1ZBENCH\(index)P\(parcel)"; shipment.shippedAt = placedAt
            shipment.items = [ShipmentItem(sku: "SKU-\(parcel)", title: "Item \(parcel)", quantity: 1)]
            let steps = (0..<shape.events).map { journey.scripted(until: .delivered)[$0 % 6] }
            let parcelEvents = steps.enumerated().map { offset, step in
                let event = ShipmentEventRecord()
                event.id = world.uuid(); event.createdAt = now; event.storeID = storeID; event.orderID = order.id!
                event.shipmentID = shipment.id!; event.status = step.status.rawValue; event.substatus = step.substatus
                event.occurredAt = placedAt.addingTimeInterval(Double(offset) * 3_600); event.message = step.message
                event.location = step.location; event.dedupeKey = "\(offset)"
                return event
            }
            let derived = ShipmentStatusDerivation.derive(parcelEvents.map(\.domain))
            shipment.status = derived.status.rawValue; shipment.substatus = derived.substatus
            shipment.lastEventAt = derived.lastEventAt; shipment.deliveredAt = derived.deliveredAt
            let window = DeliveryWindow.estimate(from: placedAt, shipped: true, carrier: "UPS", timeZone: order.zone)
            shipment.estimatedEarliest = window.earliest; shipment.estimatedLatest = window.latest
            shipments.append(shipment); events += parcelEvents
        }
        let summary = OrderStatusSummary.summarize(shipments.map(\.shipmentStatus))
        order.status = summary.status.rawValue; order.state = OrderState.open.rawValue; order.parcelsTotal = summary.totalParcels
        order.parcelsDelivered = summary.deliveredParcels
        return Rows(order: order, items: items, shipments: shipments, events: events)
    }
}
