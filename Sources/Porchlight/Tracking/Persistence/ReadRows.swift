import Foundation

/// A carrier event as pages and the API read it. Decoded straight from SQL: an order has many
/// events, and Fluent's per-row reflection cost more than the query that fetched them.
struct ShipmentEventRow: Decodable, Sendable {
    var id: UUID
    var createdAt: Date
    var occurredAt: Date
    var status: String
    var substatus: String?
    var message: String
    var location: String?
    var carrierCode: String?
    var orderID: UUID
    var shipmentID: UUID

    enum CodingKeys: String, CodingKey {
        case id, createdAt = "created_at", occurredAt = "occurred_at", status, substatus, message, location
        case carrierCode = "carrier_code", orderID = "order_id", shipmentID = "shipment_id"
    }

    init(_ record: ShipmentEventRecord) {
        id = record.id!
        createdAt = record.createdAt
        occurredAt = record.occurredAt
        status = record.status
        substatus = record.substatus
        message = record.message
        location = record.location
        carrierCode = record.carrierCode
        orderID = record.orderID
        shipmentID = record.shipmentID
    }

    var domain: ShipmentEvent {
        ShipmentEvent(id: id, status: ShipmentStatus(rawValue: status) ?? .pending, substatus: substatus,
                      occurredAt: occurredAt, recordedAt: createdAt, message: message, location: location,
                      carrierCode: carrierCode)
    }
}

/// One line of an order, read the same way as events.
struct LineItemRow: Decodable, Sendable {
    var id: UUID
    var position: Int
    var sku: String?
    var title: String
    var variant: String?
    var quantity: Int
    var price: String
    var imageURL: String?
    var productType: String?
    var orderID: UUID

    enum CodingKeys: String, CodingKey {
        case id, position, sku, title, variant, quantity, price, imageURL = "image_url"
        case productType = "product_type", orderID = "order_id"
    }
}
