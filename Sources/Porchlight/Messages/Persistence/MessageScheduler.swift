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
            shipmentMoved: { move, order, db in try await shipmentMoved(move, order: order, on: db) })
    }

    func orderPlaced(_ order: OrderRecord, on db: Database) async throws {
        let settings = try await MessageSettingsBook(database: db, world: world, storeID: order.storeID).load().settings
        let planned = JourneyPlanner(settings: settings)
            .orderPlaced(orderID: try order.requireID(), placedAt: order.placedAt, now: world.now())
        try await schedule(planned, order: order, on: db)
    }

    func shipmentMoved(_ move: ShipmentMove, order: OrderRecord, on db: Database) async throws {
        let settings = try await MessageSettingsBook(database: db, world: world, storeID: order.storeID).load().settings
        let lines = move.orderIsDelivered
            ? try await LineItemRecord.query(on: db).filter(\.$storeID == order.storeID)
                .filter(\.$orderID == move.orderID).all() : []
        let now = world.now()
        let planned = JourneyPlanner(settings: settings).shipmentMoved(
            move, localDay: DeliveryWindow.dayString(now, order.zone), now: now,
            skus: lines.compactMap(\.sku), productTypes: lines.compactMap(\.productType))
        try await schedule(planned, order: order, on: db)
    }

    func schedule(_ planned: [PlannedMessage], order: OrderRecord, on db: Database) async throws {
        let orderID = try order.requireID()
        for plan in planned {
            if plan.coalesces, let shipmentID = plan.shipmentID,
               try await joinWaitingMessage(plan, shipmentID: shipmentID, order: order, on: db) {
                continue
            }
            let id = world.uuid()
            let now = world.now()
            let shipments = MessageRecord.encode(plan.shipmentID.map { [$0] } ?? [])
            let inserted = try await db.sql.raw("""
                INSERT INTO messages (id, created_at, updated_at, type, category, status, idempotency_key, shipment_ids,
                                      substatus, due_at, scheduled_at, recipient, store_id, order_id)
                VALUES (\(bind: id), \(bind: now), \(bind: now), \(bind: plan.type.rawValue),
                        \(bind: plan.type.category.rawValue), 'scheduled', \(bind: plan.idempotencyKey),
                        \(bind: shipments), \(bind: plan.substatus), \(bind: plan.dueAt), \(bind: plan.dueAt),
                        \(bind: order.emailNormalized), \(bind: order.storeID), \(bind: orderID))
                ON CONFLICT (store_id, idempotency_key) DO NOTHING
                RETURNING id
                """).all()
            guard !inserted.isEmpty else { continue }
            let job = NewJob(type: Self.jobType, payload: id.uuidString, runAt: plan.dueAt,
                             priority: plan.type.category == .followUp ? 0 : 10, uniqueKey: "message:\(id)")
            try await JobQueue.enqueue(job, storeID: order.storeID, on: db, world: world)
        }
    }

    /// A parcel of a split order changing status shortly after its sibling joins the message
    /// already waiting to announce it, so the customer hears once.
    private func joinWaitingMessage(_ plan: PlannedMessage, shipmentID: UUID, order: OrderRecord,
                                    on db: Database) async throws -> Bool {
        guard let waiting = try await MessageRecord.query(on: db)
            .filter(\.$storeID == order.storeID).filter(\.$orderID == order.requireID())
            .filter(\.$type == plan.type.rawValue).filter(\.$status == MessageStatus.scheduled.rawValue)
            .first() else { return false }
        if !waiting.shipmentIDs.contains(shipmentID) {
            waiting.shipmentIDs.append(shipmentID)
            waiting.updatedAt = world.now()
            try await waiting.save(on: db)
        }
        return true
    }
}
