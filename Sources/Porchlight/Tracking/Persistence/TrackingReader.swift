import Fluent
import Foundation
import SQLKit

/// Loads what a tracking page shows. The number of queries is fixed (order, store, items, shipments,
/// events) however many parcels or events the order has.
struct TrackingReader: Sendable {
    let database: Database
    var cache: TrackingCache?

    /// Every Fluent driver is also an SQL database; the read path uses it to skip model hydration.
    private var sql: SQLDatabase { database.sql }

    struct Loaded: Sendable {
        var store: StoreRecord
        var order: OrderRecord
        var lineItems: [LineItemRow]
        var shipments: [ShipmentRecord]
        var events: [ShipmentEventRow]

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

    func load(token: String, knownVersion: TrackingCache.Version? = nil) async throws -> Loaded? {
        guard SecureToken.looksLikeTrackingToken(token) else { return nil }
        if let cache {
            var version = knownVersion
            if version == nil { version = try await self.version(token: token) }
            guard let version else { return nil }
            if let cached = cache.get(token, at: version) { return cached }
        }
        guard let order = try await OrderRecord.query(on: database).filter(\.$trackingToken == token).first(),
              let loaded = try await load(order: order) else { return nil }
        cache?.put(token, loaded)
        return loaded
    }

    func load(order: OrderRecord) async throws -> Loaded? {
        try await load(orders: [order], storeID: order.storeID).first
    }

    /// Loads several orders of one store with the same five queries a single order takes.
    func load(orders: [OrderRecord], storeID: UUID, includeEvents: Bool = true) async throws -> [Loaded] {
        guard !orders.isEmpty, let store = try await StoreRecord.find(storeID, on: database) else { return [] }
        let ids = try orders.map { try $0.requireID() }
        let items = try await sql.select().column("*").from(LineItemRecord.schema)
            .where("store_id", .equal, storeID).where("order_id", .in, ids)
            .orderBy("position").all(decoding: LineItemRow.self)
        let shipments = try await ShipmentRecord.query(on: database)
            .filter(\.$storeID == storeID).filter(\.$orderID ~~ ids).sort(\.$position).sort(\.$createdAt).all()
        let events = shipments.isEmpty || !includeEvents ? [] : try await sql.select().column("*")
            .from(ShipmentEventRecord.schema)
            .where("store_id", .equal, storeID).where("order_id", .in, ids)
            .all(decoding: ShipmentEventRow.self)
        let itemsByOrder = Dictionary(grouping: items, by: \.orderID)
        let shipmentsByOrder = Dictionary(grouping: shipments, by: \.orderID)
        let eventsByOrder = Dictionary(grouping: events, by: \.orderID)
        return orders.map { order in
            Loaded(store: store, order: order, lineItems: itemsByOrder[order.id!] ?? [],
                   shipments: shipmentsByOrder[order.id!] ?? [], events: eventsByOrder[order.id!] ?? [])
        }
    }

    /// What a cached page must match: the order's revision and the store's.
    /// Plain SQL, because building a Fluent model costs more than the query itself.
    func version(token: String) async throws -> TrackingCache.Version? {
        guard let row = try await sql.raw("""
            SELECT o.revision AS revision, s.revision AS store_revision
            FROM orders o JOIN stores s ON s.id = o.store_id WHERE o.tracking_token = \(bind: token)
            """).first() else { return nil }
        return TrackingCache.Version(revision: try row.decode(column: "revision", as: Int.self),
                                     storeRevision: try row.decode(column: "store_revision", as: Int.self))
    }

}
