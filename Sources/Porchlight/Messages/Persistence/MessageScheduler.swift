import Fluent
import Foundation
import SQLKit

/// Turns the journey's plans into stored messages and send jobs, inside the caller's transaction.
struct MessageScheduler: Sendable {
    static let jobType = "send_message"
    let world: World

    var hooks: TrackingHooks {
        TrackingHooks(
            orderPlaced: { order, db in try await orderPlaced(order, on: db) },
            shipmentsMoved: { moves, db in try await shipmentsMoved(moves, on: db) })
    }

    func orderPlaced(_ order: OrderRecord, on db: Database) async throws {
        let settings = try await MessageSettingsBook(database: db, world: world, storeID: order.storeID).load().settings
        let planned = JourneyPlanner(settings: settings)
            .orderPlaced(orderID: try order.requireID(), placedAt: order.placedAt, now: world.now())
        try await schedule(planned.map { ($0, order) }, on: db)
    }

    /// Many parcels' moves at once (a batch of carrier events): the store's settings and the delivered
    /// orders' lines are read once, and the messages written together.
    func shipmentsMoved(_ moves: [(move: ShipmentMove, order: OrderRecord)], on db: Database) async throws {
        var plans: [(PlannedMessage, OrderRecord)] = []
        for (storeID, ofStore) in Dictionary(grouping: moves, by: \.order.storeID) {
            let settings = try await MessageSettingsBook(database: db, world: world, storeID: storeID).load().settings
            let delivered = Array(Set(ofStore.filter(\.move.orderIsDelivered).map(\.move.orderID)))
            var lines: [UUID: [LineItemRecord]] = [:]
            for chunk in delivered.chunked(500) where !chunk.isEmpty {
                for line in try await LineItemRecord.query(on: db).filter(\.$storeID == storeID).filter(\.$orderID ~~ chunk).all() {
                    lines[line.orderID, default: []].append(line)
                }
            }
            let now = world.now()
            for (move, order) in ofStore {
                let ordered = move.orderIsDelivered ? lines[move.orderID] ?? [] : []
                plans += JourneyPlanner(settings: settings).shipmentMoved(
                    move, localDay: DeliveryWindow.dayString(now, order.zone), now: now,
                    skus: ordered.compactMap(\.sku), productTypes: ordered.compactMap(\.productType)).map { ($0, order) }
            }
        }
        try await schedule(plans, on: db)
    }
}
