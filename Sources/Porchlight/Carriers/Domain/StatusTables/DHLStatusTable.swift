import Foundation

/// DHL Unified Tracking API statuses onto our vocabulary (see docs/STATUSES.md).
/// DHL sends no fine event codes, so beyond its five `statusCode` values the table is keyed by the
/// English status texts its services send, normalised by `DHLTrackAPI.descriptionCode`. A text
/// missing here still maps through its `statusCode`.
enum DHLStatusTable: CarrierStatusTable {
    static let carrier = "dhl"

    static let codes: [String: StatusMapping] = [
        // statusCode, used as the code when an event has no status text.
        "pre-transit": .init(.infoReceived, "InfoReceived_001"), // Label created, not yet handed over
        "transit": .init(.inTransit, "InTransit_001"), // In transit
        "delivered": .init(.delivered, "Delivered_001"), // Delivered (also Express's "DELIVERED")
        "failure": .init(.exception, "Exception_001"), // Delivery failed or problem
        "unknown": .init(.inTransit, "InTransit_001"), // Status not known
        // DHL Express status texts.
        "shipment information received": .init(.infoReceived, "InfoReceived_001"),
        "shipment picked up": .init(.inTransit, "InTransit_001"),
        "processed at dhl facility": .init(.inTransit, "InTransit_002"),
        "arrived at dhl sort facility": .init(.inTransit, "InTransit_002"),
        "arrived at dhl delivery facility": .init(.inTransit, "InTransit_002"),
        "departed facility": .init(.inTransit, "InTransit_003"),
        "shipment has departed from a dhl facility": .init(.inTransit, "InTransit_003"),
        "customs status updated": .init(.inTransit, "InTransit_001"),
        "clearance processing complete": .init(.inTransit, "InTransit_004"),
        "clearance event": .init(.exception, "Exception_004"),
        "shipment is on hold": .init(.exception, "Exception_009"),
        "with delivery courier": .init(.outForDelivery, "OutForDelivery_001"),
        "shipment is out with courier for delivery": .init(.outForDelivery, "OutForDelivery_001"),
        "delivery attempted; recipient not home": .init(.attemptFail, "AttemptFail_002"),
        "delivery attempted; business closed": .init(.attemptFail, "AttemptFail_003"),
        "awaiting collection by recipient as requested": .init(.availableForPickup, "AvailableForPickup_001"),
        "returned to shipper": .init(.exception, "Exception_006"),
        // DHL Parcel (Germany and Europe) status texts, in English.
        "the instruction data for this shipment have been provided by the sender to dhl electronically":
            .init(.infoReceived, "InfoReceived_001"),
        "the shipment has been posted by the sender at the retail outlet": .init(.inTransit, "InTransit_001"),
        "the shipment has been picked up": .init(.inTransit, "InTransit_001"),
        "the shipment has been processed in the parcel center of origin": .init(.inTransit, "InTransit_002"),
        "the shipment has been processed in the parcel center": .init(.inTransit, "InTransit_002"),
        "the shipment has been processed in the destination parcel center": .init(.inTransit, "InTransit_002"),
        "the shipment has arrived in the destination country": .init(.inTransit, "InTransit_004"),
        "the shipment has been loaded onto the delivery vehicle": .init(.outForDelivery, "OutForDelivery_001"),
        "the shipment has been successfully delivered": .init(.delivered, "Delivered_001"),
        "the shipment has been delivered to the recipient's neighbour": .init(.delivered, "Delivered_001"),
        "the recipient has picked up the shipment from the retail outlet": .init(.delivered, "Delivered_003"),
        "the recipient has picked up the shipment from the packstation": .init(.delivered, "Delivered_003"),
        "the shipment is ready for pick-up at the retail outlet": .init(.availableForPickup, "AvailableForPickup_001"),
        "the shipment is ready for pick-up at the packstation": .init(.availableForPickup, "AvailableForPickup_001"),
        "the shipment could not be delivered, and the recipient has been notified": .init(.attemptFail, "AttemptFail_001"),
        "the shipment is being returned to the sender": .init(.exception, "Exception_005"),
        "the shipment has been returned to the sender": .init(.exception, "Exception_006"),
    ]

    /// DHL's own coarse `statusCode` on every event.
    static let categories: [String: StatusMapping] = [
        "pre-transit": .init(.infoReceived, "InfoReceived_001"),
        "transit": .init(.inTransit, "InTransit_001"),
        "delivered": .init(.delivered, "Delivered_001"),
        "failure": .init(.exception, "Exception_001"),
        "unknown": .init(.inTransit, "InTransit_001"),
    ]
}
