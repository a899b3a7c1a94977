import Vapor

/// An order as the API returns it.
struct OrderJSON: Content {
    struct LineItem: Content {
        var id: UUID; var sku: String?; var title: String; var variant: String?; var quantity: Int
        var price: String; var image_url: String?; var product_type: String?
    }

    var id: UUID
    var order_number: String
    var email: String?
    var phone: String?
    var customer_name: String?
    var placed_at: Date
    var currency: String
    var locale: String
    var time_zone: String
    var status: String
    /// open, cancelled, refunded or returned: the store's side of the order.
    var state: String
    var status_summary: String
    var estimated_delivery: DeliveryWindow?
    var tracking_url: String
    var line_items: [LineItem]
    var shipping_address: PostalAddress?
    var shipments: [ShipmentJSON]
    var created_at: Date

    init(_ loaded: TrackingReader.Loaded, site: SiteURL, includeEvents: Bool = true) {
        let order = loaded.order
        let events = Dictionary(grouping: loaded.events, by: \.shipmentID)
        id = order.id!
        order_number = order.orderNumber
        email = order.email
        phone = order.phone
        customer_name = order.customerName
        placed_at = order.placedAt
        currency = order.currency
        locale = order.locale
        time_zone = order.timeZone
        status = order.status
        state = order.state
        status_summary = order.summary.phrase(locale: "en")
        // A delivered order has no estimate left to give.
        estimated_delivery = order.status == ShipmentStatus.delivered.rawValue ? nil : loaded.snapshot.openWindow
        tracking_url = site.absolute(.tracking(token: order.trackingToken))
        line_items = loaded.lineItems.map {
            LineItem(id: $0.id, sku: $0.sku, title: $0.title, variant: $0.variant, quantity: $0.quantity,
                     price: $0.price, image_url: $0.imageURL, product_type: $0.productType)
        }
        shipping_address = order.shippingAddress
        shipments = loaded.shipments.map {
            ShipmentJSON($0, events: includeEvents ? events[$0.id!] ?? [] : [])
        }
        created_at = order.createdAt
    }
}

struct ShipmentJSON: Content {
    var id: UUID
    var order_id: UUID
    var carrier: String?
    /// Our code for the carrier ("ups"), when known.
    var carrier_code: String?
    /// "store", "detected" or "undetected"; an undetected carrier needs the merchant to name it.
    var carrier_detection: String
    var service: String?
    var tracking_number: String
    var status: String
    var substatus: String?
    var shipped_at: Date?
    var delivered_at: Date?
    var estimated_delivery: DeliveryWindow?
    var line_items: [ShipmentItem]
    var events: [EventJSON]

    init(_ shipment: ShipmentRecord, events: [ShipmentEventRow]) {
        id = shipment.id!
        order_id = shipment.orderID
        carrier = shipment.carrier
        carrier_code = shipment.carrierCode
        carrier_detection = shipment.carrierSource
        service = shipment.service
        tracking_number = shipment.trackingNumber
        status = shipment.status
        substatus = shipment.substatus
        shipped_at = shipment.shippedAt
        delivered_at = shipment.deliveredAt
        estimated_delivery = shipment.shipmentStatus == .delivered ? nil : shipment.window
        line_items = shipment.items
        self.events = events.sorted { ($0.occurredAt, $0.createdAt) > ($1.occurredAt, $1.createdAt) }.map { EventJSON($0) }
    }
}

struct EventJSON: Content {
    var id: UUID
    var shipment_id: UUID
    var status: String
    var substatus: String?
    var occurred_at: Date
    var message: String
    var location: String?
    var carrier_code: String?
    var created_at: Date

    init(_ event: ShipmentEventRow) {
        id = event.id
        shipment_id = event.shipmentID
        status = event.status
        substatus = event.substatus
        occurred_at = event.occurredAt
        message = event.message
        location = event.location
        carrier_code = event.carrierCode
        created_at = event.createdAt
    }
}
