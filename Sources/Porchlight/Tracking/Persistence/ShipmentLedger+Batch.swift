import Fluent
import Foundation
import SQLKit

/// Many orders and parcels at once, for imports. The records, estimates and hooks are the ones
/// `OrderBook.create` and `addShipment` use; only the transactions are shared, a few hundred orders each,
/// because one commit per order made a large import spend most of its time committing.
extension ShipmentLedger {
    struct BatchOutcome: Sendable, Equatable {
        var ordersCreated = 0
        var parcelsAdded = 0
    }

    /// The store's orders with these numbers, by number.
    func orderIDs(numbered numbers: some Collection<String>) async throws -> [String: UUID] {
        var found: [String: UUID] = [:]
        for chunk in Array(Set(numbers)).chunked(500) {
            let rows = try await database.sql.select().columns("id", "order_number").from(OrderRecord.schema)
                .where("store_id", .equal, book.storeID).where("order_number", .in, chunk).all()
            for row in rows {
                found[try row.decode(column: "order_number", as: String.self)] = try row.decode(column: "id", as: UUID.self)
            }
        }
        return found
    }

    /// In one transaction: creates `creates` (new, validated orders) with their parcels, and gives the
    /// existing orders in `additions` the parcels they don't have yet. A tracking number an order already
    /// has is skipped, so writing the same batch twice adds nothing.
    func write(creating creates: [NewOrderWithParcels], adding additions: [UUID: [NewShipment]]) async throws -> BatchOutcome {
        var orders: [OrderRecord] = [], lines: [LineItemRecord] = [], parcels: [ShipmentRecord] = []
        for entry in creates {
            let order = book.makeRecord(entry.order, idempotencyKey: nil)
            let orderID = try order.requireID()
            lines += entry.order.lineItems.enumerated().map { position, item in
                LineItemRecord(id: world.uuid(), storeID: book.storeID, orderID: orderID, position: position, item: item)
            }
            let new = try await makeShipments(entry.parcels, order: order, existing: [])
            let summary = OrderStatusSummary.summarize(new.map(\.shipmentStatus))
            order.status = summary.status.rawValue
            order.parcelsTotal = summary.totalParcels
            order.parcelsDelivered = summary.deliveredParcels
            orders.append(order)
            parcels += new
        }
        let extended = try await parcelsForExistingOrders(additions)
        parcels += extended.flatMap(\.value)
        try await insert(orders: orders, lines: lines, parcels: parcels, refreshing: extended.filter { !$0.value.isEmpty }.map(\.key))
        for (orderID, added) in extended where !added.isEmpty { await onOrderChanged(orderID) }
        return BatchOutcome(ordersCreated: orders.count, parcelsAdded: parcels.count)
    }

    private func insert(orders: [OrderRecord], lines: [LineItemRecord], parcels: [ShipmentRecord],
                        refreshing extended: [UUID]) async throws {
        try await database.transaction { db in
            for chunk in orders.chunked(500) { try await chunk.create(on: db) }
            for chunk in lines.chunked(500) { try await chunk.create(on: db) }
            for chunk in parcels.chunked(500) { try await chunk.create(on: db) }
            try await OrderSearchIndex.insert(orders.flatMap { OrderSearchIndex.terms(of: $0, trackingNumbers: []) }
                + parcels.map { (book.storeID, SearchTerms.forTrackingNumber($0.trackingNumber), $0.orderID) }, on: db)
            for order in orders { try await book.hooks.orderPlaced(order, db) }
            try await book.hooks.shipmentsAdded(parcels, db)
            for orderID in extended { try await refreshOrder(orderID, on: db) }
        }
    }

    /// Re-importing a file gives every order tracking numbers it mostly has already, so only the numbers are
    /// read for all of them, and whole orders only for those that do gain a parcel.
    private func parcelsForExistingOrders(_ additions: [UUID: [NewShipment]]) async throws -> [UUID: [ShipmentRecord]] {
        var known: [UUID: Set<String>] = [:]
        for chunk in Array(additions.keys).chunked(500) {
            let rows = try await database.sql.select().columns("order_id", "tracking_number").from(ShipmentRecord.schema)
                .where("store_id", .equal, book.storeID).where("order_id", .in, chunk).all()
            for row in rows {
                known[try row.decode(column: "order_id", as: UUID.self), default: []]
                    .insert(try row.decode(column: "tracking_number", as: String.self))
            }
        }
        let gaining = additions.filter { orderID, drafts in
            drafts.contains { !(known[orderID] ?? []).contains($0.trackingNumber.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }
        var result: [UUID: [ShipmentRecord]] = [:]
        for chunk in Array(gaining.keys).chunked(500) {
            for order in try await OrderRecord.query(on: database).filter(\.$storeID == book.storeID).filter(\.$id ~~ chunk).all() {
                let orderID = try order.requireID()
                result[orderID] = try await makeShipments(gaining[orderID] ?? [], order: order, existing: known[orderID] ?? [])
            }
        }
        return result
    }

    /// Records for the drafts whose numbers the order doesn't have yet, numbered after its existing parcels.
    private func makeShipments(_ drafts: [NewShipment], order: OrderRecord, existing: Set<String>) async throws -> [ShipmentRecord] {
        var numbers = existing
        var made: [ShipmentRecord] = []
        for draft in drafts {
            let number = draft.trackingNumber.trimmingCharacters(in: .whitespacesAndNewlines)
            guard numbers.insert(number).inserted else { continue }
            made.append(try await makeShipment(draft, order: order, position: existing.count + made.count))
        }
        return made
    }
}
