import Fluent
import Foundation

/// Loads what a tracking page shows. The number of queries is fixed (order, store, items, shipments,
/// events) however many parcels or events the order has.
struct TrackingReader: Sendable {
    let database: Database

    struct Loaded: Sendable {
        var store: StoreRecord
        var order: OrderRecord
        var lineItems: [LineItemRecord]
        var shipments: [ShipmentRecord]
        var events: [ShipmentEventRecord]

        var snapshot: TrackingSnapshot {
            let eventsByShipment = Dictionary(grouping: events, by: \.shipmentID)
            let shippedSKUs = Set(shipments.flatMap(\.items).compactMap(\.sku))
            return TrackingSnapshot(
                orderNumber: order.orderNumber,
                placedAt: order.placedAt,
                locale: order.locale,
                timeZone: order.zone,
                window: order.window,
                parcels: shipments.map { shipment in
                    TrackingSnapshot.Parcel(
                        id: shipment.id!, carrier: shipment.carrier, service: shipment.service,
                        trackingNumber: shipment.trackingNumber, status: shipment.shipmentStatus,
                        substatus: shipment.substatus, shippedAt: shipment.shippedAt,
                        deliveredAt: shipment.deliveredAt, window: shipment.window,
                        items: shipment.items.isEmpty && shipments.count == 1 ? allItems : shipment.items,
                        events: (eventsByShipment[shipment.id!] ?? []).map(\.domain))
                },
                unshippedItems: unshippedItems)
        }

        /// Items no parcel has claimed yet; unknown when some parcel did not say what it holds.
        var unshippedItems: [ShipmentItem] {
            if shipments.isEmpty { return allItems }
            guard shipments.allSatisfy({ !$0.items.isEmpty }) else { return [] }
            let shipped = Set(shipments.flatMap(\.items).compactMap(\.sku))
            return allItems.filter { item in item.sku.map { !shipped.contains($0) } ?? false }
        }

        var allItems: [ShipmentItem] {
            lineItems.map { ShipmentItem(sku: $0.sku, title: $0.title, quantity: $0.quantity) }
        }

        var productTypes: [String] { lineItems.compactMap(\.productType) }
    }

    func load(token: String) async throws -> Loaded? {
        guard SecureToken.looksLikeTrackingToken(token),
              let order = try await OrderRecord.query(on: database).filter(\.$trackingToken == token).first()
        else { return nil }
        return try await load(order: order)
    }

    func load(order: OrderRecord) async throws -> Loaded? {
        try await load(orders: [order], storeID: order.storeID).first
    }

    /// Loads several orders of one store with the same five queries a single order takes.
    func load(orders: [OrderRecord], storeID: UUID, includeEvents: Bool = true) async throws -> [Loaded] {
        guard !orders.isEmpty, let store = try await StoreRecord.find(storeID, on: database) else { return [] }
        let ids = try orders.map { try $0.requireID() }
        let items = try await LineItemRecord.query(on: database)
            .filter(\.$storeID == storeID).filter(\.$orderID ~~ ids).sort(\.$position).all()
        let shipments = try await ShipmentRecord.query(on: database)
            .filter(\.$storeID == storeID).filter(\.$orderID ~~ ids).sort(\.$position).sort(\.$createdAt).all()
        let events = shipments.isEmpty || !includeEvents ? [] : try await ShipmentEventRecord.query(on: database)
            .filter(\.$storeID == storeID).filter(\.$orderID ~~ ids).all()
        let itemsByOrder = Dictionary(grouping: items, by: \.orderID)
        let shipmentsByOrder = Dictionary(grouping: shipments, by: \.orderID)
        let eventsByOrder = Dictionary(grouping: events, by: \.orderID)
        return orders.map { order in
            Loaded(store: store, order: order, lineItems: itemsByOrder[order.id!] ?? [],
                   shipments: shipmentsByOrder[order.id!] ?? [], events: eventsByOrder[order.id!] ?? [])
        }
    }

    /// Cheap check used by live pages to notice changes made by another instance.
    func revision(token: String) async throws -> Int? {
        try await OrderRecord.query(on: database).filter(\.$trackingToken == token)
            .field(\.$id).field(\.$revision).first()?.revision
    }
}
