import Fluent
import Foundation
import SQLKit

extension ShipmentLedger {
    /// Writes the parcels' derived statuses and fresh windows, then their orders' summaries and windows,
    /// and plans the messages their moves call for, all in the caller's transaction.
    /// `before` holds what each parcel with new events was, `asRead` its indexed columns as read; returns the
    /// orders changed.
    func writeParcelsAndOrders(_ parcels: [ShipmentRecord], before: [UUID: (ShipmentStatus, String?)],
                               asRead: [UUID: IndexedParcelColumns]) async throws -> Set<UUID> {
        let now = world.now()
        let orders = try await lockOrders(Set(parcels.map(\.orderID)))
        var siblings = try await parcelsOf(Array(orders.keys), besides: try parcels.map { try $0.requireID() })
        for parcel in parcels {
            parcel.updatedAt = now
            if let order = orders[parcel.orderID], let estimate = try await estimateWindow(parcel, order) {
                parcel.estimatedEarliest = estimate.window.earliest
                parcel.estimatedLatest = estimate.window.latest
                parcel.estimateSource = estimate.source.name
            }
            siblings[parcel.orderID, default: []].append(parcel)
        }
        var wasDelivered: [UUID: Bool] = [:], statusAsRead: [UUID: String] = [:]
        for (orderID, order) in orders {
            wasDelivered[orderID] = order.summary.status == .delivered
            statusAsRead[orderID] = order.status
            summarize(order, parcels: siblings[orderID] ?? [], now: now)
        }
        try await write(parcels, asRead: asRead, orders: Array(orders.values), statusAsRead: statusAsRead)
        try await announceMoves(parcels, before: before, orders: orders, wasDelivered: wasDelivered)
        return Set(orders.keys)
    }

    /// SQLite rewrites the entry of every index over a column an UPDATE sets, changed or not, and most scans
    /// change no indexed column; so those columns are set apart, only on the rows where they changed.
    private func write(_ parcels: [ShipmentRecord], asRead: [UUID: IndexedParcelColumns],
                       orders: [OrderRecord], statusAsRead: [UUID: String]) async throws {
        try await Self.parcelColumns.run(parcels.map(Self.parcelValues), storeID: book.storeID, on: database.sql)
        let moved = try parcels.filter { asRead[try $0.requireID()] != IndexedParcelColumns($0) }
        try await Self.indexedParcelColumns.run(moved.map(IndexedParcelColumns.values), storeID: book.storeID, on: database.sql)
        try await Self.orderColumns.run(orders.map(Self.orderValues), storeID: book.storeID, on: database.sql)
        let restated = try orders.filter { statusAsRead[try $0.requireID()] != $0.status }
        try await Self.orderStatusColumns.run(restated.map { [$0.id, $0.status] }, storeID: book.storeID, on: database.sql)
    }

    /// An order's status is its parcels'; its window the latest among those still on their way.
    private func summarize(_ order: OrderRecord, parcels: [ShipmentRecord], now: Date) {
        let summary = OrderStatusSummary.summarize(parcels.map(\.shipmentStatus))
        order.status = summary.status.rawValue
        order.parcelsTotal = summary.totalParcels
        order.parcelsDelivered = summary.deliveredParcels
        order.updatedAt = now
        let windows = parcels.filter { $0.shipmentStatus != .delivered }.compactMap(\.window)
        if let earliest = windows.map(\.earliest).max(), let latest = windows.map(\.latest).max() {
            order.estimatedEarliest = earliest
            order.estimatedLatest = latest
        }
    }

    /// Each parcel that changed status (or started running late) is news; an order's first move in the
    /// batch carries whether the order was delivered before it, so "all delivered" is announced once.
    private func announceMoves(_ parcels: [ShipmentRecord], before: [UUID: (ShipmentStatus, String?)],
                               orders: [UUID: OrderRecord], wasDelivered: [UUID: Bool]) async throws {
        var announced = Set<UUID>(), moves: [(move: ShipmentMove, order: OrderRecord)] = []
        for parcel in parcels.sorted(by: { ($0.orderID, $0.position) < ($1.orderID, $1.position) }) {
            guard let (from, fromSubstatus) = before[try parcel.requireID()], let order = orders[parcel.orderID] else { continue }
            let isDelivered = order.summary.status == .delivered
            let move = ShipmentMove(orderID: parcel.orderID, shipmentID: try parcel.requireID(), from: from,
                                    to: parcel.shipmentStatus, substatus: parcel.substatus,
                                    orderWasDelivered: announced.contains(parcel.orderID) ? isDelivered : wasDelivered[parcel.orderID] ?? false,
                                    orderIsDelivered: isDelivered, fromSubstatus: fromSubstatus)
            guard move.from != move.to || move.orderWasDelivered != move.orderIsDelivered || move.isNewDelay else { continue }
            announced.insert(parcel.orderID)
            moves.append((move, order))
        }
        if !moves.isEmpty { try await book.hooks.shipmentsMoved(moves, database) }
    }

    /// On PostgreSQL the orders are locked in id order, so two batches touching the same orders queue up
    /// instead of deadlocking. SQLite already serialises writers.
    private func lockOrders(_ ids: Set<UUID>) async throws -> [UUID: OrderRecord] {
        var orders: [UUID: OrderRecord] = [:]
        for chunk in ids.sorted().chunked(500) where !chunk.isEmpty {
            if database.isPostgres {
                try await database.sql.raw("""
                    SELECT id FROM orders WHERE store_id = \(bind: book.storeID) AND id IN (\(binds: chunk)) ORDER BY id FOR UPDATE
                    """).run()
            }
            for order in try await OrderRecord.read(where: "id IN (\(binds: chunk))", storeID: book.storeID, on: database) {
                orders[try order.requireID()] = order
            }
        }
        return orders
    }

    /// The orders' other parcels: most orders have one, so usually there are none to read.
    private func parcelsOf(_ orderIDs: [UUID], besides known: [UUID]) async throws -> [UUID: [ShipmentRecord]] {
        var parcels: [UUID: [ShipmentRecord]] = [:]
        for chunk in orderIDs.chunked(500) where !chunk.isEmpty {
            let others: SQLQueryString = known.isEmpty ? "order_id IN (\(binds: chunk))"
                : "order_id IN (\(binds: chunk)) AND id NOT IN (\(binds: known))"
            for parcel in try await ShipmentRecord.read(where: others, storeID: book.storeID, on: database) {
                parcels[parcel.orderID, default: []].append(parcel)
            }
        }
        return parcels
    }

    private static let parcelColumns = BulkUpdate(table: "shipments", columns: [
        .init(name: "id", postgresType: "uuid"),
        .init(name: "last_event_at", postgresType: "timestamptz"), .init(name: "estimated_earliest", postgresType: "text"),
        .init(name: "estimate_source", postgresType: "text"),
        .init(name: "carrier_earliest", postgresType: "text"), .init(name: "carrier_latest", postgresType: "text"),
        .init(name: "last_movement_at", postgresType: "timestamptz"), .init(name: "push_provider", postgresType: "text"),
        .init(name: "updated_at", postgresType: "timestamptz"),
    ])

    private static func parcelValues(_ s: ShipmentRecord) -> [any Encodable & Sendable] {
        [s.id, s.lastEventAt, s.estimatedEarliest, s.estimateSource, s.carrierEarliest, s.carrierLatest,
         s.lastMovementAt, s.pushProvider, s.updatedAt]
    }

    private static let indexedParcelColumns = BulkUpdate(table: "shipments", columns: [
        .init(name: "id", postgresType: "uuid"), .init(name: "status", postgresType: "text"),
        .init(name: "substatus", postgresType: "text"), .init(name: "delivered_at", postgresType: "timestamptz"),
        .init(name: "estimated_latest", postgresType: "text"),
    ])

    private static let orderStatusColumns = BulkUpdate(table: "orders", columns: [
        .init(name: "id", postgresType: "uuid"), .init(name: "status", postgresType: "text"),
    ])

    private static let orderColumns = BulkUpdate(table: "orders", columns: [
        .init(name: "id", postgresType: "uuid"),
        .init(name: "parcels_total", postgresType: "bigint"), .init(name: "parcels_delivered", postgresType: "bigint"),
        .init(name: "estimated_earliest", postgresType: "text"), .init(name: "estimated_latest", postgresType: "text"),
        .init(name: "updated_at", postgresType: "timestamptz"),
    ], alsoSet: ["revision = orders.revision + 1"])

    private static func orderValues(_ o: OrderRecord) -> [any Encodable & Sendable] {
        [o.id, o.parcelsTotal, o.parcelsDelivered, o.estimatedEarliest, o.estimatedLatest, o.updatedAt]
    }
}

/// A parcel's columns that indexes cover, to tell whether an update must set them.
struct IndexedParcelColumns: Equatable, Sendable {
    var status: String
    var substatus: String?
    var deliveredAt: Date?
    var estimatedLatest: String?

    init(_ parcel: ShipmentRecord) {
        (status, substatus) = (parcel.status, parcel.substatus)
        (deliveredAt, estimatedLatest) = (parcel.deliveredAt, parcel.estimatedLatest)
    }

    static func values(_ parcel: ShipmentRecord) -> [any Encodable & Sendable] {
        [parcel.id, parcel.status, parcel.substatus, parcel.deliveredAt, parcel.estimatedLatest]
    }
}
