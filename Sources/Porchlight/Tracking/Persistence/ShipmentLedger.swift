import Fluent
import Foundation
import SQLKit

/// Adds parcels and their events for one store, and keeps the derived statuses of shipment and order true.
/// The API, the demo simulator and carrier integrations all record events through here.
struct ShipmentLedger: Sendable {
    let book: OrderBook
    /// Told after a change a customer could see has been committed.
    var onOrderChanged: @Sendable (UUID) async -> Void = { _ in }
    /// Names the parcel's carrier on arrival, detecting it from the number when the store gave none we know.
    var identifyCarrier: @Sendable (NewShipment) async throws -> CarrierIdentity = { draft in
        CarrierIdentity(code: draft.carrier.flatMap(CarrierNames.code(for:)), displayName: draft.carrier,
                        service: draft.service, source: .store)
    }
    /// The parcel's delivery window from the store's own history; nil keeps the per-carrier defaults.
    var estimateWindow: @Sendable (ShipmentRecord, OrderRecord) async throws -> Estimate? = { _, _ in nil }

    var database: Database { book.database }
    var world: World { book.world }

    func addShipment(_ draft: NewShipment, to orderID: UUID) async throws -> (ShipmentRecord, created: Bool) {
        do { try draft.validate() } catch { throw APIError.validation(error.message) }
        let order = try await book.find(orderID)
        let number = draft.trackingNumber.trimmingCharacters(in: .whitespacesAndNewlines)
        if let existing = try await ShipmentRecord.query(on: database)
            .filter(\.$storeID == book.storeID).filter(\.$orderID == orderID)
            .filter(\.$trackingNumber == number).first() {
            return (existing, false)
        }
        var resolved = draft
        resolved.items = try await resolveItems(draft.items, orderID: orderID)
        let position = try await ShipmentRecord.query(on: database)
            .filter(\.$storeID == book.storeID).filter(\.$orderID == orderID).count()
        let shipment = try await makeShipment(resolved, order: order, position: position)
        try await database.transaction { db in
            try await shipment.create(on: db)
            try await OrderSearchIndex.index(shipment, on: db)
            try await book.hooks.shipmentsAdded([shipment], db)
            try await refreshOrder(orderID, on: db)
        }
        await onOrderChanged(orderID)
        return (shipment, true)
    }

    /// A new parcel's record, its carrier named and its window estimated; not stored yet.
    func makeShipment(_ draft: NewShipment, order: OrderRecord, position: Int) async throws -> ShipmentRecord {
        let now = world.now()
        let shipment = ShipmentRecord()
        shipment.id = world.uuid()
        shipment.position = position
        shipment.storeID = book.storeID
        shipment.orderID = try order.requireID()
        shipment.createdAt = now
        shipment.updatedAt = now
        let identity = try await identifyCarrier(draft)
        shipment.carrier = identity.displayName
        shipment.carrierCode = identity.code
        shipment.carrierSource = identity.source.rawValue
        shipment.service = identity.service
        shipment.trackingNumber = draft.trackingNumber.trimmingCharacters(in: .whitespacesAndNewlines)
        shipment.shippedAt = draft.shippedAt
        shipment.items = draft.items
        shipment.status = ShipmentStatus.pending.rawValue
        let window = DeliveryWindow.estimate(from: draft.shippedAt ?? now, shipped: true,
                                             carrier: identity.code, timeZone: order.zone)
        shipment.estimatedEarliest = window.earliest
        shipment.estimatedLatest = window.latest
        shipment.promisedEarliest = window.earliest
        shipment.promisedLatest = window.latest
        shipment.estimateSource = "defaults"
        shipment.pollFailures = 0
        if let estimate = try await estimateWindow(shipment, order) {
            shipment.estimatedEarliest = estimate.window.earliest
            shipment.estimatedLatest = estimate.window.latest
            shipment.promisedEarliest = estimate.window.earliest
            shipment.promisedLatest = estimate.window.latest
            shipment.estimateSource = estimate.source.name
        }
        return shipment
    }

    /// Stores the event once (duplicates are recognised by content) and re-derives the statuses.
    func record(_ draft: NewShipmentEvent, on shipmentID: UUID) async throws -> (ShipmentEventRecord, created: Bool) {
        do { try draft.validate() } catch { throw APIError.validation(error.message) }
        let shipment = try await book.findShipment(shipmentID)
        let dedupeKey = SecureToken.hash(draft.dedupeKey)
        if let duplicate = try await existingEvent(shipmentID, dedupeKey) { return (duplicate, false) }
        let event = ShipmentEventRecord()
        event.id = world.uuid()
        event.createdAt = world.now()
        event.occurredAt = draft.occurredAt
        event.status = draft.status.rawValue
        event.substatus = draft.substatus
        event.message = draft.message ?? ""
        event.location = draft.location
        event.carrierCode = draft.carrierCode
        event.dedupeKey = dedupeKey
        event.storeID = book.storeID
        event.orderID = shipment.orderID
        event.shipmentID = shipmentID
        let refreshed: OrderRecord?
        do {
            refreshed = try await database.transaction { db -> OrderRecord? in
                try await lockShipment(shipmentID, on: db)
                try await event.create(on: db)
                let before = shipment.shipmentStatus, beforeSubstatus = shipment.substatus
                try await refreshShipment(shipment, on: db)
                guard let (order, wasDelivered) = try await refreshOrder(shipment.orderID, on: db) else { return nil }
                let move = ShipmentMove(orderID: shipment.orderID, shipmentID: shipmentID, from: before,
                                        to: shipment.shipmentStatus, substatus: shipment.substatus,
                                        orderWasDelivered: wasDelivered, orderIsDelivered: order.summary.status == .delivered,
                                        fromSubstatus: beforeSubstatus)
                if move.from != move.to || move.orderWasDelivered != move.orderIsDelivered || move.isNewDelay {
                    try await book.hooks.shipmentsMoved([(move, order)], db)
                }
                return order
            }
        } catch {
            if let duplicate = try await existingEvent(shipmentID, dedupeKey) { return (duplicate, false) }
            throw error
        }
        if let refreshed { try await reestimate(shipment, order: refreshed) }
        await onOrderChanged(shipment.orderID)
        return (event, true)
    }

    private func existingEvent(_ shipmentID: UUID, _ dedupeKey: String) async throws -> ShipmentEventRecord? {
        try await ShipmentEventRecord.query(on: database)
            .filter(\.$storeID == book.storeID).filter(\.$shipmentID == shipmentID)
            .filter(\.$dedupeKey == dedupeKey).first()
    }

    /// On PostgreSQL, two events for one parcel arriving at once are serialised so neither derivation is lost.
    /// SQLite already serialises writers.
    private func lockShipment(_ id: UUID, on db: Database) async throws {
        guard db.isPostgres else { return }
        try await db.sql.raw("SELECT id FROM shipments WHERE id = \(bind: id) FOR UPDATE").run()
    }

    private func refreshShipment(_ shipment: ShipmentRecord, on db: Database) async throws {
        let events = try await ShipmentEventRecord.query(on: db)
            .filter(\.$storeID == book.storeID).filter(\.$shipmentID == shipment.requireID()).all()
        let derived = ShipmentStatusDerivation.derive(events.map(\.domain))
        shipment.status = derived.status.rawValue
        shipment.substatus = derived.substatus
        shipment.deliveredAt = derived.deliveredAt
        shipment.lastEventAt = derived.lastEventAt
        shipment.updatedAt = world.now()
        try await shipment.save(on: db)
    }

    /// Re-derives the order's status from its parcels; returns it with whether it was delivered before.
    @discardableResult
    func refreshOrder(_ orderID: UUID, on db: Database) async throws -> (OrderRecord, wasDelivered: Bool)? {
        let statuses = try await ShipmentRecord.query(on: db)
            .filter(\.$storeID == book.storeID).filter(\.$orderID == orderID).all().map(\.shipmentStatus)
        let summary = OrderStatusSummary.summarize(statuses)
        guard let order = try await OrderRecord.query(on: db)
            .filter(\.$storeID == book.storeID).filter(\.$id == orderID).first() else { return nil }
        let wasDelivered = order.summary.status == .delivered
        order.status = summary.status.rawValue
        order.parcelsTotal = summary.totalParcels
        order.parcelsDelivered = summary.deliveredParcels
        order.revision += 1
        order.updatedAt = world.now()
        try await order.save(on: db)
        return (order, wasDelivered)
    }

    /// Items named by SKU are matched to the order's lines so the parcel can show titles.
    private func resolveItems(_ items: [ShipmentItem], orderID: UUID) async throws -> [ShipmentItem] {
        guard !items.isEmpty else { return [] }
        let lines = try await LineItemRecord.query(on: database)
            .filter(\.$storeID == book.storeID).filter(\.$orderID == orderID).all()
        return items.map { item in
            guard item.title.isEmpty, let sku = item.sku, let line = lines.first(where: { $0.sku == sku }) else { return item }
            return ShipmentItem(sku: sku, title: line.title, quantity: item.quantity)
        }
    }
}
