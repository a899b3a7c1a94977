import Foundation

/// Tracking numbers in an order's `meta_data`: WooCommerce Shipment Tracking's
/// `_wc_shipment_tracking_items`, or the key the store named in `tracking_meta_key`.
enum WooShipmentTracking {
    static let defaultKey = "_wc_shipment_tracking_items"

    static func parcels(meta: [WebhookFields], key: String?) -> (parcels: [NewShipment], skipped: [String]) {
        let wanted = key ?? defaultKey
        var parcels: [NewShipment] = [], skipped: [String] = []
        for entry in meta where entry.string("key") == wanted {
            for shipped in shipments(entry.raw["value"]) {
                let found = StorefrontShipping.parcels(shipped)
                parcels += found.parcels.filter { parcel in !parcels.contains { $0.trackingNumber == parcel.trackingNumber } }
                skipped += found.skipped
            }
        }
        return (parcels, skipped)
    }

    /// A value is a list of tracking items, a single item, or plain text: one number, or several
    /// separated by commas or new lines (what a simple custom field holds).
    static func shipments(_ value: Any?) -> [StorefrontShipping.Shipped] {
        let elements: [Any] = (value as? [Any]) ?? value.map { [$0] } ?? []
        return elements.compactMap { element in
            if let text = element as? String {
                let numbers = text.split { $0 == "," || $0 == "\n" || $0 == ";" }.map(String.init)
                return StorefrontShipping.Shipped(carrier: nil, numbers: numbers)
            }
            return (element as? [String: Any]).flatMap { shipped(WebhookFields($0)) }
        }
    }

    /// One Shipment Tracking item: `tracking_provider` is a slug from its list ("ups", "dhl-us"),
    /// empty when the merchant typed their own `custom_tracking_provider` and link.
    static func shipped(_ item: WebhookFields) -> StorefrontShipping.Shipped? {
        guard let number = item.identifier("tracking_number") else { return nil }
        return StorefrontShipping.Shipped(
            carrier: item.string("tracking_provider") ?? item.string("custom_tracking_provider"),
            numbers: [number],
            trackingLinks: [item.string("custom_tracking_link")].compactMap { $0 },
            shippedAt: shippedAt(item))
    }

    /// `date_shipped` is Unix seconds, as a number or as digits; some plugins write a date instead.
    static func shippedAt(_ item: WebhookFields) -> Date? {
        if let seconds = item.count("date_shipped"), seconds > 0 { return Date(timeIntervalSince1970: Double(seconds)) }
        guard let text = item.string("date_shipped") else { return nil }
        return WebhookTime.instant(text) ?? WebhookTime.day(text).flatMap { WebhookTime.instant($0 + "T00:00:00Z") }
    }
}
