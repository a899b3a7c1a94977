import Fluent
import Foundation
import SQLKit

extension MessageScheduler {
    /// Stores the planned messages, each once by its idempotency key, and queues a send job for each one
    /// that is new. A parcel of a split order changing status shortly after its sibling joins the message
    /// already waiting to announce it, so the customer hears once; that holds within one batch too.
    func schedule(_ plans: [(plan: PlannedMessage, order: OrderRecord)], on db: Database) async throws {
        guard !plans.isEmpty else { return }
        let waiting = try await waitingMessages(for: plans.filter(\.plan.coalesces).map(\.order), on: db)
        var fresh: [(id: UUID, plan: PlannedMessage, order: OrderRecord, shipments: [UUID])] = []
        var freshIndex: [String: Int] = [:]
        for (plan, order) in plans {
            let slot = "\(order.id?.uuidString ?? "")|\(plan.type.rawValue)"
            if plan.coalesces, let shipmentID = plan.shipmentID {
                if let index = freshIndex[slot] {
                    if !fresh[index].shipments.contains(shipmentID) { fresh[index].shipments.append(shipmentID) }
                    continue
                }
                if let message = waiting[slot] {
                    if !message.shipmentIDs.contains(shipmentID) {
                        message.shipmentIDs.append(shipmentID)
                        message.updatedAt = world.now()
                        try await message.save(on: db)
                    }
                    continue
                }
            }
            if plan.coalesces { freshIndex[slot] = fresh.count }
            fresh.append((world.uuid(), plan, order, plan.shipmentID.map { [$0] } ?? []))
        }
        try await insert(fresh, on: db)
    }

    private func insert(_ messages: [(id: UUID, plan: PlannedMessage, order: OrderRecord, shipments: [UUID])],
                        on db: Database) async throws {
        let now = world.now()
        for chunk in messages.chunked(200) where !chunk.isEmpty {
            let rows = try chunk.map { id, plan, order, shipments -> SQLQueryString in
                """
                (\(bind: id), \(bind: now), \(bind: now), \(bind: plan.type.rawValue), \(bind: plan.type.category.rawValue),
                 'scheduled', \(bind: plan.idempotencyKey), \(bind: MessageRecord.encode(shipments)), \(bind: plan.substatus),
                 \(bind: plan.dueAt), \(bind: plan.dueAt), \(bind: order.emailNormalized), \(bind: order.storeID),
                 \(bind: try order.requireID()))
                """
            }
            let inserted = Set(try await db.sql.raw("""
                INSERT INTO messages (id, created_at, updated_at, type, category, status, idempotency_key, shipment_ids,
                                      substatus, due_at, scheduled_at, recipient, store_id, order_id)
                VALUES \(rows.joined(separator: ", "))
                ON CONFLICT (store_id, idempotency_key) DO NOTHING
                RETURNING id
                """).all().map { try $0.decode(column: "id", as: UUID.self) })
            for (storeID, ofStore) in Dictionary(grouping: chunk.filter { inserted.contains($0.id) }, by: \.order.storeID) {
                let jobs = ofStore.map { id, plan, _, _ in
                    NewJob(type: Self.jobType, payload: id.uuidString, runAt: plan.dueAt,
                           priority: plan.type.category == .followUp ? 0 : 10, uniqueKey: "message:\(id)")
                }
                try await JobQueue.enqueue(jobs, storeID: storeID, on: db, world: world)
            }
        }
    }

    /// The orders' messages still waiting to go out, by order and type.
    private func waitingMessages(for orders: [OrderRecord], on db: Database) async throws -> [String: MessageRecord] {
        var waiting: [String: MessageRecord] = [:]
        for (storeID, ofStore) in Dictionary(grouping: orders, by: \.storeID) {
            let ids = Array(Set(try ofStore.map { try $0.requireID() }))
            for chunk in ids.chunked(500) where !chunk.isEmpty {
                for message in try await MessageRecord.query(on: db).filter(\.$storeID == storeID)
                    .filter(\.$orderID ~~ chunk).filter(\.$status == MessageStatus.scheduled.rawValue).all() {
                    waiting["\(message.orderID.uuidString)|\(message.type)"] = message
                }
            }
        }
        return waiting
    }
}
