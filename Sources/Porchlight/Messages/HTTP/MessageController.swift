import Fluent
import Vapor

/// What a customer has been told about an order, and what they will be told next.
enum MessageController {
    struct MessageJSON: Content {
        var id: UUID
        var type: String
        var category: String
        var status: String
        var skip_reason: String?
        var last_error: String?
        var subject: String?
        var scheduled_at: Date
        var sent_at: Date?
        var shipment_ids: [UUID]
        /// Why a shipping message was planned, e.g. "InTransit_005" for a delay.
        var substatus: String?
    }

    struct ListJSON: Content {
        var messages: [MessageJSON]
    }

    @Sendable static func index(req: Request) async throws -> ListJSON {
        let store = try req.currentStore
        let order = try await req.orderBook(store).find(req.parameters.requireUUID("orderID"))
        let rows = try await MessageRecord.query(on: req.db).filter(\.$storeID == store.requireID())
            .filter(\.$orderID == order.requireID()).sort(\.$scheduledAt).sort(\.$createdAt).all()
        return ListJSON(messages: try rows.map(json))
    }

    static func json(_ row: MessageRecord) throws -> MessageJSON {
        MessageJSON(id: try row.requireID(), type: row.type, category: row.category, status: row.status,
                    skip_reason: row.skipReason, last_error: row.lastError, subject: row.subject,
                    scheduled_at: row.scheduledAt, sent_at: row.sentAt, shipment_ids: row.shipmentIDs,
                    substatus: row.substatus)
    }
}
