import Vapor

/// What API clients send. Optional fields fall back to the store's defaults.
struct CreateOrderBody: Content {
    struct LineItem: Content {
        var sku: String?
        var title: String
        var variant: String?
        var quantity: Int
        var price: String
        var image_url: String?
        var product_type: String?
    }

    var order_number: String
    var email: String
    var phone: String?
    var customer_name: String?
    var placed_at: Date?
    var currency: String?
    var line_items: [LineItem]?
    var shipping_address: PostalAddress?
    var locale: String?
    var time_zone: String?

    func draft(defaultLocale: String, now: Date) -> NewOrder {
        NewOrder(
            orderNumber: order_number, email: email, phone: phone, customerName: customer_name,
            placedAt: placed_at ?? now, currency: currency ?? "USD",
            lineItems: (line_items ?? []).map {
                NewLineItem(sku: $0.sku, title: $0.title, variant: $0.variant, quantity: $0.quantity,
                            price: $0.price, imageURL: $0.image_url, productType: $0.product_type)
            },
            shippingAddress: shipping_address,
            locale: locale ?? defaultLocale,
            timeZone: time_zone ?? "UTC")
    }
}

struct CreateShipmentBody: Content {
    struct Item: Content {
        var sku: String?
        var title: String?
        var quantity: Int?
    }

    var carrier: String?
    var tracking_number: String
    var service: String?
    var line_items: [Item]?
    var shipped_at: Date?

    var draft: NewShipment {
        NewShipment(carrier: carrier, trackingNumber: tracking_number, service: service,
                    items: (line_items ?? []).map { ShipmentItem(sku: $0.sku, title: $0.title ?? "", quantity: $0.quantity ?? 1) },
                    shippedAt: shipped_at)
    }
}

struct CreateEventBody: Content {
    var status: String
    var substatus: String?
    var occurred_at: Date
    var message: String?
    var location: String?
    var carrier_code: String?

    func draft() throws -> NewShipmentEvent {
        guard let parsed = ShipmentStatus(rawValue: status) else {
            let known = ShipmentStatus.allCases.map(\.rawValue).joined(separator: ", ")
            throw APIError(status: .unprocessableEntity, code: "unknown_status",
                           message: "Unknown status '\(status)'. Use one of: \(known).")
        }
        return NewShipmentEvent(status: parsed, substatus: substatus, occurredAt: occurred_at,
                                message: message, location: location, carrierCode: carrier_code)
    }
}
