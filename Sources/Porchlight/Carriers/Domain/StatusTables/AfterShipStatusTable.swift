import Foundation

/// AfterShip trackings, whatever the real carrier: `code` is the checkpoint's `subtag`
/// ("Exception_004"), `category` its `tag` ("Exception"). See docs/STATUSES.md.
///
/// Our codes are written like AfterShip's, but the numbers do not mean the same things
/// (AfterShip's Exception_005 is an outside delay, ours a return), so every subtag is mapped by
/// its documented meaning, never by its name.
enum AfterShipStatusTable: CarrierStatusTable {
    static let carrier = "aftership"

    static let codes: [String: StatusMapping] = [
        "Pending_001": StatusMapping(.pending, "Pending_001"),
        "Pending_002": StatusMapping(.pending, "Pending_001"),
        "Pending_003": StatusMapping(.pending, "Pending_001"),
        "Pending_004": StatusMapping(.pending, "Pending_001"),
        "Pending_005": StatusMapping(.pending, "Pending_001"),
        "Pending_006": StatusMapping(.pending, "Pending_001"),
        "InfoReceived_001": StatusMapping(.infoReceived, "InfoReceived_001"),

        "InTransit_001": StatusMapping(.inTransit, "InTransit_001"), // on the way
        "InTransit_002": StatusMapping(.inTransit, "InTransit_001"), // accepted by the carrier
        "InTransit_003": StatusMapping(.inTransit, "InTransit_002"), // arrived at a hub
        // Arrived in the destination country, but ours also promises customs are done.
        "InTransit_004": StatusMapping(.inTransit, "InTransit_001"),
        "InTransit_005": StatusMapping(.inTransit, "InTransit_004"), // customs cleared
        "InTransit_006": StatusMapping(.inTransit, "InTransit_001"), // handed to customs
        "InTransit_007": StatusMapping(.inTransit, "InTransit_003"), // departure scan
        "InTransit_008": StatusMapping(.inTransit, "InTransit_001"), // problem resolved
        "InTransit_009": StatusMapping(.inTransit, "InTransit_001"), // forwarded to another address
        // Newer subtags whose meanings we have not seen documented: still plainly in transit.
        "InTransit_010": StatusMapping(.inTransit, "InTransit_001"),
        "InTransit_011": StatusMapping(.inTransit, "InTransit_001"),
        "InTransit_012": StatusMapping(.inTransit, "InTransit_001"),
        "InTransit_013": StatusMapping(.inTransit, "InTransit_001"),

        "OutForDelivery_001": StatusMapping(.outForDelivery, "OutForDelivery_001"),
        // Retired subtag: "arrived at the sorting center and available for pickup".
        "OutForDelivery_002": StatusMapping(.availableForPickup, "AvailableForPickup_001"),
        "OutForDelivery_003": StatusMapping(.outForDelivery, "OutForDelivery_003"), // customer contacted
        "OutForDelivery_004": StatusMapping(.outForDelivery, "OutForDelivery_002"), // appointment scheduled

        "AttemptFail_001": StatusMapping(.attemptFail, "AttemptFail_001"),
        "AttemptFail_002": StatusMapping(.attemptFail, "AttemptFail_002"), // recipient not available
        "AttemptFail_003": StatusMapping(.attemptFail, "AttemptFail_003"), // business closed

        "AvailableForPickup_001": StatusMapping(.availableForPickup, "AvailableForPickup_001"),

        "Delivered_001": StatusMapping(.delivered, "Delivered_001"),
        "Delivered_002": StatusMapping(.delivered, "Delivered_003"), // picked up by the customer
        "Delivered_003": StatusMapping(.delivered, "Delivered_004"), // signed for
        "Delivered_004": StatusMapping(.delivered, "Delivered_001"), // cash on delivery collected
        "Delivered_005": StatusMapping(.delivered, "Delivered_001"), // left with a neighbour

        "Exception_001": StatusMapping(.exception, "Exception_001"),
        "Exception_002": StatusMapping(.exception, "Exception_002"), // customer moved
        "Exception_003": StatusMapping(.exception, "Exception_001"), // refused by the recipient
        "Exception_004": StatusMapping(.exception, "Exception_004"), // customs delay
        "Exception_005": StatusMapping(.exception, "Exception_008"), // delayed by outside factors
        "Exception_006": StatusMapping(.exception, "Exception_009"), // held for payment
        "Exception_007": StatusMapping(.exception, "Exception_002"), // incorrect address
        "Exception_008": StatusMapping(.exception, "Exception_001"), // pickup missed
        "Exception_009": StatusMapping(.exception, "Exception_001"), // rejected by the carrier
        "Exception_010": StatusMapping(.exception, "Exception_005"), // returning to sender
        "Exception_011": StatusMapping(.exception, "Exception_006"), // returned to sender
        "Exception_012": StatusMapping(.exception, "Exception_003"), // damaged
        "Exception_013": StatusMapping(.exception, "Exception_007"), // lost
        "Exception_014": StatusMapping(.exception, "Exception_001"),
        "Exception_015": StatusMapping(.exception, "Exception_001"),
        "Exception_016": StatusMapping(.exception, "Exception_001"), // processing delay in the network
        "Exception_017": StatusMapping(.exception, "Exception_008"), // extreme weather
        "Exception_018": StatusMapping(.exception, "Exception_004"), // missing customs documents
        "Exception_019": StatusMapping(.exception, "Exception_008"), // late flight
        "Exception_020": StatusMapping(.exception, "Exception_001"), // shipment cancelled
        "Exception_021": StatusMapping(.exception, "Exception_001"), // disposed of

        "Expired_001": StatusMapping(.expired, "Expired_001"),
    ]

    static let categories: [String: StatusMapping] = [
        "Pending": StatusMapping(.pending, "Pending_001"),
        "InfoReceived": StatusMapping(.infoReceived, "InfoReceived_001"),
        "InTransit": StatusMapping(.inTransit, "InTransit_001"),
        "OutForDelivery": StatusMapping(.outForDelivery, "OutForDelivery_001"),
        "AttemptFail": StatusMapping(.attemptFail, "AttemptFail_001"),
        "AvailableForPickup": StatusMapping(.availableForPickup, "AvailableForPickup_001"),
        "Delivered": StatusMapping(.delivered, "Delivered_001"),
        "Exception": StatusMapping(.exception, "Exception_001"),
        "Expired": StatusMapping(.expired, "Expired_001"),
    ]
}
