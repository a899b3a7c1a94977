import Foundation

/// Shippo tracks, whatever the real carrier: `code` is the event's `substatus.code` (or its
/// `status` when there is no substatus, or only "other"), `category` its `status`.
/// See docs/STATUSES.md.
enum ShippoStatusTable: CarrierStatusTable {
    static let carrier = "shippo"

    /// A scan whose code is the status itself (an event without a substatus) must count as known, so the
    /// statuses are codes too. They are upper case, so they can't collide with the lower-case substatus codes.
    static let codes: [String: StatusMapping] = categories.merging(details) { _, detail in detail }

    private static let details: [String: StatusMapping] = [
        // substatus.code values.
        "information_received": StatusMapping(.infoReceived, "InfoReceived_001"),
        "package_accepted": StatusMapping(.inTransit, "InTransit_001"),
        "package_arrived": StatusMapping(.inTransit, "InTransit_002"),
        "package_departed": StatusMapping(.inTransit, "InTransit_003"),
        "package_processing": StatusMapping(.inTransit, "InTransit_001"),
        "package_processed": StatusMapping(.inTransit, "InTransit_001"),
        "package_forwarded": StatusMapping(.inTransit, "InTransit_001"),
        // A date set for a parcel still on the road is not yet "out for delivery".
        "delivery_scheduled": StatusMapping(.inTransit, "InTransit_001"),
        "delayed": StatusMapping(.inTransit, "InTransit_005"),
        "delivery_rescheduled": StatusMapping(.inTransit, "InTransit_005"),
        "out_for_delivery": StatusMapping(.outForDelivery, "OutForDelivery_001"),
        "delivery_attempted": StatusMapping(.attemptFail, "AttemptFail_001"),
        "notice_left": StatusMapping(.attemptFail, "AttemptFail_002"),
        "location_inaccessible": StatusMapping(.attemptFail, "AttemptFail_005"),
        // Shippo sends this after a missed delivery, asking the recipient to rebook.
        "reschedule_delivery": StatusMapping(.attemptFail, "AttemptFail_001"),
        "pickup_available": StatusMapping(.availableForPickup, "AvailableForPickup_001"),
        "delivered": StatusMapping(.delivered, "Delivered_001"),
        "address_issue": StatusMapping(.exception, "Exception_002"),
        "contact_carrier": StatusMapping(.exception, "Exception_001"),
        "package_damaged": StatusMapping(.exception, "Exception_003"),
        "package_held": StatusMapping(.exception, "Exception_009"),
        "package_lost": StatusMapping(.exception, "Exception_007"),
        "return_to_sender": StatusMapping(.exception, "Exception_005"),
        "package_unclaimed": StatusMapping(.exception, "Exception_001"),
        "package_undeliverable": StatusMapping(.exception, "Exception_001"),
        "package_disposed": StatusMapping(.exception, "Exception_001"),
    ]

    static let categories: [String: StatusMapping] = [
        "UNKNOWN": StatusMapping(.pending, "Pending_001"),
        "PRE_TRANSIT": StatusMapping(.infoReceived, "InfoReceived_001"),
        "TRANSIT": StatusMapping(.inTransit, "InTransit_001"),
        "DELIVERED": StatusMapping(.delivered, "Delivered_001"),
        "RETURNED": StatusMapping(.exception, "Exception_006"),
        "FAILURE": StatusMapping(.exception, "Exception_001"),
    ]
}
