import Foundation

/// Everything known about one order's delivery, as plain values: the input to every customer-facing view.
struct TrackingSnapshot: Sendable {
    struct Parcel: Sendable {
        var id: UUID
        var carrier: String?
        var service: String?
        var trackingNumber: String
        var status: ShipmentStatus
        var substatus: String?
        var shippedAt: Date?
        var deliveredAt: Date?
        var window: DeliveryWindow?
        var items: [ShipmentItem]
        var events: [ShipmentEvent]
    }

    var orderNumber: String
    var placedAt: Date
    var locale: String
    var timeZone: TimeZone
    var window: DeliveryWindow?
    var parcels: [Parcel]
    var unshippedItems: [ShipmentItem]

    var summary: OrderStatusSummary { OrderStatusSummary.summarize(parcels.map(\.status)) }

    /// The window the customer should hold on to: the latest arrival among parcels still travelling.
    var openWindow: DeliveryWindow? {
        let open = parcels.filter { $0.status != .delivered }.compactMap(\.window)
        guard !open.isEmpty else { return parcels.isEmpty ? window : nil }
        return DeliveryWindow(earliest: open.map(\.earliest).min()!, latest: open.map(\.latest).max()!)
    }
}
