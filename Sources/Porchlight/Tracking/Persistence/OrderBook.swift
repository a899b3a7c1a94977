import Fluent
import Foundation

/// Writes orders for one store. Every query here is scoped to `storeID`.
struct OrderBook: Sendable {
    let database: Database
    let world: World
    let storeID: UUID
    var hooks: TrackingHooks = .none

    struct Outcome: Sendable {
        var order: OrderRecord
        var created: Bool
    }

    /// Creates the order unless the same idempotency key or order number already made one.
    func create(_ draft: NewOrder, idempotencyKey: String?) async throws -> Outcome {
        do { try draft.validate() } catch { throw APIError.validation(error.message) }
        if let existing = try await existing(for: draft, idempotencyKey: idempotencyKey) {
            return Outcome(order: existing, created: false)
        }
        let order = makeRecord(draft, idempotencyKey: idempotencyKey)
        do {
            try await database.transaction { db in
                try await order.create(on: db)
                let orderID = try order.requireID()
                let items = draft.lineItems.enumerated().map { position, item in
                    LineItemRecord(id: world.uuid(), storeID: storeID, orderID: orderID, position: position, item: item)
                }
                if !items.isEmpty { try await items.create(on: db) }
                try await OrderSearchIndex.index(order, on: db)
                try await hooks.orderPlaced(order, db)
            }
        } catch {
            // A concurrent request with the same key or number won the race: answer with its order.
            if let winner = try await existing(for: draft, idempotencyKey: idempotencyKey) {
                return Outcome(order: winner, created: false)
            }
            throw error
        }
        return Outcome(order: order, created: true)
    }

    private func existing(for draft: NewOrder, idempotencyKey: String?) async throws -> OrderRecord? {
        if let idempotencyKey,
           let byKey = try await OrderRecord.query(on: database)
            .filter(\.$storeID == storeID).filter(\.$idempotencyKey == idempotencyKey).first() {
            guard byKey.orderNumber == draft.orderNumber else {
                throw APIError(status: .conflict, code: "idempotency_key_reused",
                               message: "This Idempotency-Key was already used for order \(byKey.orderNumber).")
            }
            return byKey
        }
        return try await OrderRecord.query(on: database)
            .filter(\.$storeID == storeID).filter(\.$orderNumber == draft.orderNumber).first()
    }

    /// A new order's record with a fresh tracking token; not stored yet.
    func makeRecord(_ draft: NewOrder, idempotencyKey: String?) -> OrderRecord {
        let now = world.now()
        let order = OrderRecord()
        order.id = world.uuid()
        order.storeID = storeID
        order.createdAt = now
        order.updatedAt = now
        order.revision = 1
        order.orderNumber = draft.orderNumber.trimmingCharacters(in: .whitespacesAndNewlines)
        order.lookupNumber = NewOrder.lookupKey(draft.orderNumber)
        order.email = draft.email.trimmingCharacters(in: .whitespacesAndNewlines)
        order.emailNormalized = EmailAddress.normalized(draft.email)
        order.phone = draft.phone
        order.customerName = draft.customerName
        order.placedAt = draft.placedAt
        order.currency = draft.currency.uppercased()
        order.locale = draft.locale
        order.timeZone = draft.timeZone
        order.shippingAddress = draft.shippingAddress
        order.trackingToken = SecureToken.trackingToken(world: world)
        order.idempotencyKey = idempotencyKey
        order.status = ShipmentStatus.pending.rawValue
        order.state = OrderState.open.rawValue
        order.parcelsTotal = 0
        order.parcelsDelivered = 0
        order.pageViews = 0
        let window = DeliveryWindow.estimate(from: draft.placedAt, shipped: false, carrier: nil,
                                             timeZone: TimeZone(identifier: draft.timeZone) ?? .gmt)
        order.estimatedEarliest = window.earliest
        order.estimatedLatest = window.latest
        return order
    }

    func find(_ id: UUID) async throws -> OrderRecord {
        guard let order = try await OrderRecord.query(on: database)
            .filter(\.$storeID == storeID).filter(\.$id == id).first() else {
            throw APIError.notFound("Order")
        }
        return order
    }

    func findShipment(_ id: UUID) async throws -> ShipmentRecord {
        guard let shipment = try await ShipmentRecord.query(on: database)
            .filter(\.$storeID == storeID).filter(\.$id == id).first() else {
            throw APIError.notFound("Shipment")
        }
        return shipment
    }
}

extension TrackingError {
    var message: String {
        switch self { case .invalid(let message): return message }
    }
}
