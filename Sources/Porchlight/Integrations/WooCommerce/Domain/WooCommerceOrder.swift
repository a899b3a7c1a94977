import Foundation

/// A WooCommerce order, with the parcels its tracking meta names.
enum WooCommerceOrder {
    /// Statuses that end the order for the customer.
    static let closing: [String: OrderState] = ["cancelled": .cancelled, "failed": .cancelled, "refunded": .refunded]
    /// Not paid for yet. WooCommerce itself waits for payment before it confirms an order to the
    /// customer, so Porchlight does too; the order arrives with the order.updated that follows payment.
    static let unpaid: Set<String> = ["pending", "checkout-draft"]

    static func event(_ body: WebhookFields, defaults: StorefrontDefaults,
                      trackingMetaKey: String?) throws(StorefrontPayloadError) -> StorefrontEvent {
        guard let id = body.identifier("id") else { throw .malformed("order without an id") }
        let number = StorefrontOrder.number(from: body.identifier("number")) ?? id
        let status = body.string("status") ?? "processing"
        let billing = body.object("billing"), shipping = body.object("shipping")
        let meta = try body.list("meta_data")
        let draft = NewOrder(
            orderNumber: number,
            email: billing?.string("email") ?? "",
            phone: billing?.string("phone") ?? shipping?.string("phone"),
            customerName: personName(billing) ?? personName(shipping),
            placedAt: body.string("date_created_gmt").flatMap(WebhookTime.instant) ?? defaults.receivedAt,
            currency: body.string("currency") ?? "USD",
            lineItems: try lineItems(body),
            shippingAddress: shipping.flatMap(address),
            locale: locale(meta) ?? defaults.locale,
            timeZone: defaults.timeZone)
        let tracking = WooShipmentTracking.parcels(meta: meta, key: trackingMetaKey)
        return .order(StorefrontOrder(
            externalID: id, draft: draft, parcels: tracking.parcels, closedAs: closing[status],
            notYet: unpaid.contains(status) ? "It is awaiting payment (status \(status))." : nil,
            skipped: tracking.skipped))
    }

    static func lineItems(_ body: WebhookFields) throws(StorefrontPayloadError) -> [NewLineItem] {
        try body.list("line_items").prefix(500).compactMap { item in
            guard let quantity = item.count("quantity"), (1...10_000).contains(quantity) else { return nil }
            // Variation attributes ("Size: Small") are line meta; keys starting "_" are WooCommerce's own.
            let attributes = ((try? item.list("meta_data")) ?? []).filter { !($0.string("key") ?? "_").hasPrefix("_") }
                .compactMap { $0.string("display_value") ?? $0.string("value") }
            return NewLineItem(
                sku: item.string("sku"), title: item.string("name") ?? "Item",
                variant: attributes.isEmpty ? nil : attributes.joined(separator: ", "),
                quantity: quantity, price: item.amount("price") ?? unitPrice(item, quantity: quantity),
                imageURL: item.object("image")?.string("src"), productType: nil)
        }
    }

    /// The subtotal shared out when `price` is missing: "54.90" over 2 is "27.45".
    static func unitPrice(_ item: WebhookFields, quantity: Int) -> String {
        guard let subtotal = item.amount("subtotal").flatMap({ Double($0) }) else { return "0" }
        return String(format: "%.2f", subtotal / Double(quantity))
    }

    /// Nil for an order with nothing to ship to (WooCommerce sends every field, empty).
    static func address(_ fields: WebhookFields) -> PostalAddress? {
        let address = PostalAddress(
            name: personName(fields), line1: fields.string("address_1"), line2: fields.string("address_2"),
            city: fields.string("city"), region: fields.string("state"), postalCode: fields.string("postcode"),
            country: fields.string("country"))
        return [address.line1, address.city, address.postalCode, address.country].allSatisfy({ $0 == nil }) ? nil : address
    }

    static func personName(_ fields: WebhookFields?) -> String? {
        let parts = [fields?.string("first_name"), fields?.string("last_name")].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// WooCommerce records no customer language itself; WPML stores the checkout's under this key.
    static func locale(_ meta: [WebhookFields]) -> String? {
        meta.first { $0.string("key") == "wpml_language" }?.string("value")
    }
}
