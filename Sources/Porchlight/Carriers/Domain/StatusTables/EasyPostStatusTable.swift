import Foundation

/// EasyPost trackers, whatever the real carrier: `code` is the scan's `status_detail` when it
/// refines the `status`, otherwise the `status`; `category` is the `status`. A detail is filed
/// under the status it usually comes with, which is how the parser tells whether it refines.
/// See docs/STATUSES.md.
enum EasyPostStatusTable: CarrierStatusTable {
    static let carrier = "easypost"

    /// A scan whose code is the status itself must count as known, so the statuses are codes too.
    static let codes: [String: StatusMapping] = categories.merging(details) { _, detail in detail }

    private static let details: [String: StatusMapping] = [
        // status_detail values.
        "label_created": StatusMapping(.infoReceived, "InfoReceived_001"),
        "received_at_origin_facility": StatusMapping(.inTransit, "InTransit_002"),
        "departed_origin_facility": StatusMapping(.inTransit, "InTransit_003"),
        "arrived_at_facility": StatusMapping(.inTransit, "InTransit_002"),
        "departed_facility": StatusMapping(.inTransit, "InTransit_003"),
        "received_at_destination_facility": StatusMapping(.inTransit, "InTransit_002"),
        "arrived_at_destination": StatusMapping(.inTransit, "InTransit_002"),
        "transferred_to_destination_carrier": StatusMapping(.inTransit, "InTransit_001"),
        "address_correction": StatusMapping(.inTransit, "InTransit_001"),
        // Delays come with an in_transit status: still moving, so not an alarm.
        "delayed": StatusMapping(.inTransit, "InTransit_005"),
        "weather_delay": StatusMapping(.inTransit, "InTransit_005"),
        "missorted": StatusMapping(.inTransit, "InTransit_005"),
        "arrived_at_pickup_location": StatusMapping(.availableForPickup, "AvailableForPickup_001"),
        "awaiting_information": StatusMapping(.exception, "Exception_001"),
        "delivery_exception": StatusMapping(.exception, "Exception_001"),
        "transit_exception": StatusMapping(.exception, "Exception_001"),
        "refused": StatusMapping(.exception, "Exception_001"),
        "damaged": StatusMapping(.exception, "Exception_003"),
        "held": StatusMapping(.exception, "Exception_009"),
        "lost": StatusMapping(.exception, "Exception_007"),
        "return": StatusMapping(.exception, "Exception_005"),
        "expired": StatusMapping(.expired, "Expired_001"),
    ]

    static let categories: [String: StatusMapping] = [
        "unknown": StatusMapping(.pending, "Pending_001"),
        "pre_transit": StatusMapping(.infoReceived, "InfoReceived_001"),
        "in_transit": StatusMapping(.inTransit, "InTransit_001"),
        "out_for_delivery": StatusMapping(.outForDelivery, "OutForDelivery_001"),
        "delivered": StatusMapping(.delivered, "Delivered_001"),
        "available_for_pickup": StatusMapping(.availableForPickup, "AvailableForPickup_001"),
        "return_to_sender": StatusMapping(.exception, "Exception_005"),
        "failure": StatusMapping(.exception, "Exception_001"),
        "cancelled": StatusMapping(.exception, "Exception_001"),
        // "error" is EasyPost failing to read the carrier, not news about the parcel.
        "error": StatusMapping(.pending, "Pending_001"),
    ]
}
