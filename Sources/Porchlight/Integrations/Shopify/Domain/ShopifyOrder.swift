import Foundation

/// A Shopify order (orders/create, orders/updated, orders/cancelled all carry the whole order,
/// with every fulfillment so far).
enum ShopifyOrder {
    static func event(_ body: WebhookFields, defaults: StorefrontDefaults) throws(StorefrontPayloadError) -> StorefrontEvent {
        guard let id = body.identifier("id") else { throw .malformed("order without an id") }
        guard let number = StorefrontOrder.number(from: body.string("name")) ?? body.identifier("order_number") else {
            throw .malformed("order \(id) has neither a name nor an order_number")
        }
        let customer = body.object("customer")
        let shipping = body.object("shipping_address"), billing = body.object("billing_address")
        let draft = NewOrder(
            orderNumber: number,
            email: body.string("email") ?? body.string("contact_email") ?? customer?.string("email") ?? "",
            phone: body.string("phone") ?? shipping?.string("phone") ?? customer?.string("phone"),
            customerName: personName(customer) ?? shipping?.string("name") ?? billing?.string("name"),
            placedAt: (body.string("created_at") ?? body.string("processed_at")).flatMap(WebhookTime.instant)
                ?? defaults.receivedAt,
            currency: body.string("currency") ?? "USD",
            lineItems: try lineItems(body),
            shippingAddress: shipping.map(address),
            locale: body.string("customer_locale") ?? defaults.locale,
            timeZone: defaults.timeZone)
        var parcels: [NewShipment] = [], skipped: [String] = []
        for fulfillment in try body.list("fulfillments") {
            let found = ShopifyFulfillment.parcels(fulfillment)
            parcels += found.parcels.filter { parcel in !parcels.contains { $0.trackingNumber == parcel.trackingNumber } }
            skipped += found.skipped
        }
        return .order(StorefrontOrder(
            externalID: id, draft: draft, parcels: parcels,
            closedAs: body.string("cancelled_at") == nil ? nil : .cancelled, notYet: nil, skipped: skipped))
    }

    /// Lines still on the order; Shopify keeps removed ones with quantity 0.
    static func lineItems(_ body: WebhookFields) throws(StorefrontPayloadError) -> [NewLineItem] {
        try body.list("line_items").prefix(500).compactMap { item in
            guard let quantity = item.count("current_quantity") ?? item.count("quantity"), (1...10_000).contains(quantity)
            else { return nil }
            let variant = item.string("variant_title")
            return NewLineItem(
                sku: item.string("sku"), title: item.string("title") ?? item.string("name") ?? "Item",
                // Shopify's placeholder for a product without variants.
                variant: variant == "Default Title" ? nil : variant,
                quantity: quantity, price: item.amount("price") ?? "0",
                imageURL: item.object("image")?.string("src"), productType: item.string("product_type"))
        }
    }

    static func address(_ fields: WebhookFields) -> PostalAddress {
        PostalAddress(
            name: fields.string("name") ?? personName(fields), line1: fields.string("address1"),
            line2: fields.string("address2"), city: fields.string("city"),
            region: fields.string("province_code") ?? fields.string("province"), postalCode: fields.string("zip"),
            country: fields.string("country_code") ?? fields.string("country"))
    }

    static func personName(_ fields: WebhookFields?) -> String? {
        let parts = [fields?.string("first_name"), fields?.string("last_name")].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }
}
