import Foundation

/// A Shopify fulfillment: one shipment of some of an order's items, with zero or more tracking
/// numbers (fulfillments/create and fulfillments/update, and each entry of an order's `fulfillments`).
enum ShopifyFulfillment {
    /// Fulfillments the merchant cancelled or Shopify gave up on: their numbers are on no parcel.
    static let deadStatuses: Set<String> = ["cancelled", "error", "failure"]

    static func event(_ body: WebhookFields) throws(StorefrontPayloadError) -> StorefrontEvent {
        guard let orderID = body.identifier("order_id") else { throw .malformed("fulfillment without an order_id") }
        let name = body.string("name") ?? body.identifier("id") ?? "?"
        if let status = body.string("status"), deadStatuses.contains(status) {
            return .ignored("Fulfillment \(name) is \(status); its tracking numbers were not added.")
        }
        let found = parcels(body)
        if found.parcels.isEmpty && found.skipped.isEmpty {
            // Merchants often fulfil first and add the number later, which arrives as fulfillments/update.
            return .ignored("Fulfillment \(name) has no tracking number yet.")
        }
        return .parcels(StorefrontParcels(
            externalOrderID: orderID, orderNumber: orderNumber(fromFulfillmentName: body.string("name")),
            parcels: found.parcels, skipped: found.skipped,
            changedAt: (body.string("updated_at") ?? body.string("created_at")).flatMap(WebhookTime.instant)))
    }

    static func parcels(_ fulfillment: WebhookFields) -> (parcels: [NewShipment], skipped: [String]) {
        if let status = fulfillment.string("status"), deadStatuses.contains(status) { return ([], []) }
        let numbers = fulfillment.strings("tracking_numbers")
        let links = fulfillment.strings("tracking_urls")
        let items = ((try? fulfillment.list("line_items")) ?? []).compactMap { line -> ShipmentItem? in
            guard let quantity = line.count("quantity"), quantity >= 1 else { return nil }
            return ShipmentItem(sku: line.string("sku"), title: line.string("name") ?? line.string("title") ?? "",
                                quantity: quantity)
        }
        return StorefrontShipping.parcels(StorefrontShipping.Shipped(
            carrier: fulfillment.string("tracking_company"),
            numbers: numbers.isEmpty ? [fulfillment.string("tracking_number")].compactMap { $0 } : numbers,
            trackingLinks: links.isEmpty ? [fulfillment.string("tracking_url")].compactMap { $0 } : links,
            items: items,
            shippedAt: fulfillment.string("created_at").flatMap(WebhookTime.instant)))
    }

    /// Shopify names fulfillments after their order: "#1001.2" is the second of order #1001.
    static func orderNumber(fromFulfillmentName name: String?) -> String? {
        guard let name, let dot = name.lastIndex(of: "."), name[name.index(after: dot)...].allSatisfy(\.isNumber) else {
            return StorefrontOrder.number(from: name)
        }
        return StorefrontOrder.number(from: String(name[..<dot]))
    }
}
