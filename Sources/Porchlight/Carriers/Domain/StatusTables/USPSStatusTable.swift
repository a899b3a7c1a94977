import Foundation

/// USPS tracking codes onto our vocabulary (see docs/STATUSES.md).
/// Undeliverable-as-addressed codes are address exceptions rather than attempts: USPS sends such
/// items back instead of trying again.
enum USPSStatusTable: CarrierStatusTable {
    static let carrier = "usps"

    /// USPS Publication 199 scan event codes, as a tracking event's `eventCode` sends them.
    static let codes: [String: StatusMapping] = [
        "MA": .init(.infoReceived, "InfoReceived_001"), // Pre-Shipment Info Sent to USPS / Electronic Shipping Info Received
        "GX": .init(.infoReceived, "InfoReceived_001"), // Shipping Label Created, USPS Awaiting Item
        "89": .init(.infoReceived, "InfoReceived_001"), // Merchant Order Receipt Notification, USPS Awaiting Item
        "TM": .init(.infoReceived, "InfoReceived_001"), // Shipment Received, Package Acceptance Pending
        "03": .init(.inTransit, "InTransit_001"), // Accepted / USPS in possession of item
        "OA": .init(.inTransit, "InTransit_001"), // Origin Acceptance
        "UA": .init(.inTransit, "InTransit_001"), // Accepted at USPS Facility
        "AD": .init(.inTransit, "InTransit_001"), // Acceptance at Destination
        "80": .init(.inTransit, "InTransit_001"), // Picked Up by Shipping Partner
        "81": .init(.inTransit, "InTransit_002"), // Arrived Shipping Partner Facility
        "82": .init(.inTransit, "InTransit_003"), // Departed Shipping Partner Facility
        "10": .init(.inTransit, "InTransit_002"), // Processed / Arrived at USPS Regional (Origin) Facility
        "A1": .init(.inTransit, "InTransit_002"), // Arrived at USPS Regional Facility
        "T1": .init(.inTransit, "InTransit_003"), // Departed USPS Regional Facility
        "SF": .init(.inTransit, "InTransit_003"), // Departed Post Office
        "TL": .init(.inTransit, "InTransit_001"), // In Transit to Next Facility
        "PC": .init(.inTransit, "InTransit_001"), // Sorting Complete
        "06": .init(.inTransit, "InTransit_001"), // Forwarded
        "07": .init(.inTransit, "InTransit_002"), // Arrival at Unit (Arrived at Post Office)
        "08": .init(.inTransit, "InTransit_005"), // Missent
        "15": .init(.inTransit, "InTransit_005"), // Mis-shipped
        "DX": .init(.inTransit, "InTransit_005"), // Delivery Status Not Updated
        "OF": .init(.outForDelivery, "OutForDelivery_001"), // Out for Delivery
        "02": .init(.attemptFail, "AttemptFail_001"), // Notice Left (delivery attempted)
        "51": .init(.attemptFail, "AttemptFail_003"), // Notice Left: Business Closed
        "53": .init(.attemptFail, "AttemptFail_005"), // Notice Left: Receptacle Blocked
        "54": .init(.attemptFail, "AttemptFail_001"), // Notice Left: Receptacle Full / Item Oversized
        "55": .init(.attemptFail, "AttemptFail_001"), // Notice Left: No Secure Location Available
        "56": .init(.attemptFail, "AttemptFail_002"), // Notice Left: No Authorized Recipient Available
        "14": .init(.availableForPickup, "AvailableForPickup_001"), // Arrival at Pick-up Point
        "16": .init(.availableForPickup, "AvailableForPickup_001"), // Available for Pickup
        "01": .init(.delivered, "Delivered_001"), // Delivered
        "17": .init(.delivered, "Delivered_003"), // Picked Up by Agent
        "43": .init(.delivered, "Delivered_003"), // Picked Up (at the Post Office)
        "04": .init(.exception, "Exception_005"), // Refused (returned to sender)
        "05": .init(.exception, "Exception_002"), // Undeliverable as Addressed
        "21": .init(.exception, "Exception_002"), // No Such Number
        "22": .init(.exception, "Exception_002"), // Insufficient Address
        "23": .init(.exception, "Exception_002"), // Moved, Left No Address
        "24": .init(.exception, "Exception_002"), // Forward Expired
        "25": .init(.exception, "Exception_002"), // Addressee Unknown
        "26": .init(.exception, "Exception_002"), // Vacant
        "28": .init(.exception, "Exception_005"), // Deceased (returned to sender)
        "27": .init(.exception, "Exception_005"), // Unclaimed (returned to sender)
        "29": .init(.exception, "Exception_005"), // Return to Sender: Not Picked Up
        "09": .init(.exception, "Exception_005"), // Return to Sender
        "44": .init(.exception, "Exception_005"), // Customer Recall
        "11": .init(.exception, "Exception_007"), // Dead Letter
    ]

    /// USPS.com status categories, sent as the top-level `statusCategory` of the current status.
    static let categories: [String: StatusMapping] = [
        "Pre-Shipment": .init(.infoReceived, "InfoReceived_001"),
        "Label Created": .init(.infoReceived, "InfoReceived_001"),
        "Accepted": .init(.inTransit, "InTransit_001"),
        "In Transit": .init(.inTransit, "InTransit_001"),
        "Out for Delivery": .init(.outForDelivery, "OutForDelivery_001"),
        "Delivery Attempt": .init(.attemptFail, "AttemptFail_001"),
        "Available for Pickup": .init(.availableForPickup, "AvailableForPickup_001"),
        "Delivered": .init(.delivered, "Delivered_001"),
        "Alert": .init(.exception, "Exception_001"),
        "Return to Sender": .init(.exception, "Exception_005"),
    ]
}
