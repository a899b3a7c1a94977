import Fluent
import Foundation
import SQLKit

/// Parcels and orders read straight from SQL rows, for the webhook path that locks a few hundred of them
/// per commit: Fluent's generic row decoding, run inside that one serial transaction, was a tenth of a
/// burst's time. The models come back as if Fluent had read them. `RecordRowsTests` checks the two agree.
protocol RowReadRecord: Model {
    init(row: any SQLRow) throws
}

extension RowReadRecord {
    /// The store's rows that meet `condition`, every column.
    static func read(where condition: SQLQueryString, storeID: UUID, on database: any Database) async throws -> [Self] {
        try await database.sql.raw("SELECT * FROM \(unsafeRaw: schema) WHERE store_id = \(bind: storeID) AND \(condition)")
            .all().map(Self.init(row:))
    }
}

extension ShipmentRecord: RowReadRecord {
    convenience init(row: any SQLRow) throws {
        self.init()
        id = try row.decode(column: "id", as: UUID.self)
        createdAt = try row.decode(column: "created_at", as: Date.self)
        updatedAt = try row.decode(column: "updated_at", as: Date.self)
        position = try row.decode(column: "position", as: Int.self)
        carrier = try row.decode(column: "carrier", as: String?.self)
        service = try row.decode(column: "service", as: String?.self)
        trackingNumber = try row.decode(column: "tracking_number", as: String.self)
        shippedAt = try row.decode(column: "shipped_at", as: Date?.self)
        items = try row.decode(column: "items", as: [ShipmentItem].self)
        status = try row.decode(column: "status", as: String.self)
        substatus = try row.decode(column: "substatus", as: String?.self)
        deliveredAt = try row.decode(column: "delivered_at", as: Date?.self)
        lastEventAt = try row.decode(column: "last_event_at", as: Date?.self)
        estimatedEarliest = try row.decode(column: "estimated_earliest", as: String?.self)
        estimatedLatest = try row.decode(column: "estimated_latest", as: String?.self)
        carrierCode = try row.decode(column: "carrier_code", as: String?.self)
        carrierSource = try row.decode(column: "carrier_source", as: String.self)
        promisedEarliest = try row.decode(column: "promised_earliest", as: String?.self)
        promisedLatest = try row.decode(column: "promised_latest", as: String?.self)
        estimateSource = try row.decode(column: "estimate_source", as: String?.self)
        carrierEarliest = try row.decode(column: "carrier_earliest", as: String?.self)
        carrierLatest = try row.decode(column: "carrier_latest", as: String?.self)
        lastMovementAt = try row.decode(column: "last_movement_at", as: Date?.self)
        pushProvider = try row.decode(column: "push_provider", as: String?.self)
        pollFailures = try row.decode(column: "poll_failures", as: Int.self)
        lastPolledAt = try row.decode(column: "last_polled_at", as: Date?.self)
        storeID = try row.decode(column: "store_id", as: UUID.self)
        orderID = try row.decode(column: "order_id", as: UUID.self)
        $id.exists = true
    }
}

extension OrderRecord: RowReadRecord {
    convenience init(row: any SQLRow) throws {
        self.init()
        id = try row.decode(column: "id", as: UUID.self)
        createdAt = try row.decode(column: "created_at", as: Date.self)
        updatedAt = try row.decode(column: "updated_at", as: Date.self)
        revision = try row.decode(column: "revision", as: Int.self)
        orderNumber = try row.decode(column: "order_number", as: String.self)
        lookupNumber = try row.decode(column: "lookup_number", as: String.self)
        email = try row.decode(column: "email", as: String.self)
        emailNormalized = try row.decode(column: "email_normalized", as: String.self)
        phone = try row.decode(column: "phone", as: String?.self)
        customerName = try row.decode(column: "customer_name", as: String?.self)
        placedAt = try row.decode(column: "placed_at", as: Date.self)
        currency = try row.decode(column: "currency", as: String.self)
        locale = try row.decode(column: "locale", as: String.self)
        timeZone = try row.decode(column: "time_zone", as: String.self)
        shippingAddress = try row.decode(column: "shipping_address", as: PostalAddress?.self)
        trackingToken = try row.decode(column: "tracking_token", as: String.self)
        idempotencyKey = try row.decode(column: "idempotency_key", as: String?.self)
        status = try row.decode(column: "status", as: String.self)
        state = try row.decode(column: "state", as: String.self)
        parcelsTotal = try row.decode(column: "parcels_total", as: Int.self)
        parcelsDelivered = try row.decode(column: "parcels_delivered", as: Int.self)
        estimatedEarliest = try row.decode(column: "estimated_earliest", as: String?.self)
        estimatedLatest = try row.decode(column: "estimated_latest", as: String?.self)
        pageViews = try row.decode(column: "page_views", as: Int.self)
        storeID = try row.decode(column: "store_id", as: UUID.self)
        $id.exists = true
    }
}
