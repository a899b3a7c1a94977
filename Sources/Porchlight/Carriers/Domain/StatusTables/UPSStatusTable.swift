import Foundation

/// UPS Tracking API codes onto our vocabulary (see docs/STATUSES.md).
/// Requests that only change what the driver will do (address change, hold, upgrade) stay
/// InTransit: nothing has gone wrong until UPS says so.
enum UPSStatusTable: CarrierStatusTable {
    static let carrier = "ups"

    /// UPS "Status/Description Codes", as the activity's `status.statusCode` sends them (3 digits).
    static let codes: [String: StatusMapping] = [
        "003": .init(.infoReceived, "InfoReceived_001"), // Shipment Ready for UPS
        "005": .init(.inTransit, "InTransit_001"), // On the Way (arrival, departure, origin scans)
        "006": .init(.outForDelivery, "OutForDelivery_001"), // Out for Delivery
        "007": .init(.exception, "Exception_001"), // Shipment Information Voided
        "010": .init(.inTransit, "InTransit_001"), // On the Way
        "011": .init(.delivered, "Delivered_001"), // Delivered
        "012": .init(.inTransit, "InTransit_001"), // Clearance in Progress
        "013": .init(.exception, "Exception_001"), // Exception
        "014": .init(.inTransit, "InTransit_004"), // Clearance Completed
        "016": .init(.inTransit, "InTransit_001"), // In Warehouse
        "017": .init(.availableForPickup, "AvailableForPickup_001"), // Held for Customer Pickup
        "018": .init(.inTransit, "InTransit_001"), // Delivery Change Requested: Hold for Pickup
        "019": .init(.exception, "Exception_009"), // Held for Future Delivery
        "020": .init(.inTransit, "InTransit_001"), // Held for Future Delivery Requested
        "021": .init(.outForDelivery, "OutForDelivery_001"), // Out for Delivery
        "022": .init(.attemptFail, "AttemptFail_001"), // First Attempt Made
        "023": .init(.attemptFail, "AttemptFail_001"), // Second Delivery Attempted
        "024": .init(.attemptFail, "AttemptFail_001"), // Final Attempt Made
        "025": .init(.inTransit, "InTransit_001"), // On the Way
        "026": .init(.delivered, "Delivered_001"), // Delivered by Local Post Office
        "027": .init(.inTransit, "InTransit_001"), // Delivery Address Change Requested
        "028": .init(.inTransit, "InTransit_001"), // Delivery Address Changed
        "029": .init(.exception, "Exception_001"), // Exception: Action Required
        "030": .init(.exception, "Exception_001"), // Local Post Office Exception
        "032": .init(.exception, "Exception_008"), // Adverse Weather May Cause Delay
        "033": .init(.exception, "Exception_005"), // Return to Sender Requested
        "034": .init(.exception, "Exception_006"), // Returned to Sender
        "035": .init(.exception, "Exception_005"), // Returning to Sender
        "036": .init(.exception, "Exception_005"), // Returning to Sender: In Transit
        "037": .init(.outForDelivery, "OutForDelivery_001"), // Out for Delivery
        "038": .init(.inTransit, "InTransit_001"), // Picked Up by UPS
        "039": .init(.inTransit, "InTransit_001"), // On the Way
        "040": .init(.availableForPickup, "AvailableForPickup_001"), // Ready for Customer Pickup
        "041": .init(.inTransit, "InTransit_001"), // Service Upgrade Requested
        "042": .init(.inTransit, "InTransit_001"), // Service Upgraded
        "043": .init(.exception, "Exception_001"), // Voided Pickup
        "044": .init(.infoReceived, "InfoReceived_001"), // On the Way to UPS
        "045": .init(.infoReceived, "InfoReceived_001"), // On the Way to UPS
        "046": .init(.inTransit, "InTransit_005"), // Delay
        "047": .init(.inTransit, "InTransit_001"), // On the Way
        "048": .init(.inTransit, "InTransit_005"), // Delay
        "049": .init(.exception, "Exception_001"), // Delay: Action Required
        "050": .init(.exception, "Exception_002"), // Address Information Required
        "051": .init(.exception, "Exception_008"), // Delay: Emergency Situation or Severe Weather
        "052": .init(.exception, "Exception_008"), // Delay: Severe Weather
        "053": .init(.exception, "Exception_008"), // Delay: Severe Weather
        "054": .init(.inTransit, "InTransit_001"), // Delivery Change Requested
        "055": .init(.inTransit, "InTransit_005"), // Rescheduled Delivery
        "056": .init(.inTransit, "InTransit_001"), // Service Upgrade Requested
        "057": .init(.inTransit, "InTransit_001"), // On the Way to a Local UPS Access Point
        "058": .init(.exception, "Exception_004"), // Clearance Information Required
        "059": .init(.exception, "Exception_003"), // Damage Reported
        "060": .init(.attemptFail, "AttemptFail_001"), // Delivery Attempted
        "061": .init(.attemptFail, "AttemptFail_002"), // Delivery Attempted: Adult Signature Required
        "062": .init(.attemptFail, "AttemptFail_001"), // Delivery Attempted: Funds Required
        "063": .init(.inTransit, "InTransit_001"), // Delivery Change Completed
        "064": .init(.exception, "Exception_001"), // Delivery Refused
        "065": .init(.infoReceived, "InfoReceived_001"), // Pickup Attempted
        "066": .init(.attemptFail, "AttemptFail_001"), // Post Office Delivery Attempted
        "067": .init(.exception, "Exception_006"), // Returned to Sender by Post Office
        "068": .init(.exception, "Exception_007"), // Sent to Lost and Found
        "069": .init(.exception, "Exception_001"), // Unable to Deliver
        "070": .init(.inTransit, "InTransit_001"), // Package not at UPS Access Point yet
        "071": .init(.inTransit, "InTransit_001"), // Preparing for Delivery
        "072": .init(.outForDelivery, "OutForDelivery_001"), // Loaded on Delivery Vehicle
        "073": .init(.inTransit, "InTransit_001"), // In Transit to UPS Delivery Partner
        "074": .init(.inTransit, "InTransit_001"), // UPS Delivery Partner has Shipment
        "075": .init(.inTransit, "InTransit_001"), // Scheduled for Delivery
        "076": .init(.exception, "Exception_001"), // UPS Delivery Partner Exception
        "077": .init(.infoReceived, "InfoReceived_001"), // Scheduled for Pickup Today
        "078": .init(.outForDelivery, "OutForDelivery_001"), // Your Driver is Arriving Soon!
        "079": .init(.infoReceived, "InfoReceived_001"), // Order Processed: In Transit to UPS
        "080": .init(.infoReceived, "InfoReceived_001"), // Order Processed: Ready for UPS
        "081": .init(.exception, "Exception_006"), // Returned - Damage Reported
        "082": .init(.inTransit, "InTransit_001"), // Delivery Instructions Received
        "083": .init(.exception, "Exception_009"), // Held
        "084": .init(.inTransit, "InTransit_004"), // Cleared
        "085": .init(.exception, "Exception_009"), // Held for COD Payment
        "086": .init(.inTransit, "InTransit_005"), // Delay
        "087": .init(.inTransit, "InTransit_001"), // On the Way
        "089": .init(.outForDelivery, "OutForDelivery_001"), // Out for Delivery
        "090": .init(.inTransit, "InTransit_005"), // Delay
        "091": .init(.outForDelivery, "OutForDelivery_001"), // Out for Delivery
        "092": .init(.inTransit, "InTransit_001"), // Customs Clearance in Progress
        "093": .init(.exception, "Exception_007"), // Premier Recovery In Progress
        "094": .init(.inTransit, "InTransit_001"), // Premier Recovery Completed
        "095": .init(.inTransit, "InTransit_001"), // Additional Attempt Requested
        "096": .init(.inTransit, "InTransit_001"), // Address Change Confirmed
        "097": .init(.inTransit, "InTransit_001"), // Address Change Requested
        "098": .init(.inTransit, "InTransit_001"), // Deliver to Original Address Requested
        "099": .init(.inTransit, "InTransit_001"), // Deliver to Original Address Confirmed
        "100": .init(.inTransit, "InTransit_001"), // Hold at UPS Access Point Confirmed
        "101": .init(.inTransit, "InTransit_001"), // Hold at UPS Access Point Requested
        "106": .init(.inTransit, "InTransit_001"), // Hold for Pickup Confirmed
        "107": .init(.inTransit, "InTransit_001"), // Hold for Pickup Requested
        "114": .init(.inTransit, "InTransit_001"), // Request Canceled
        "115": .init(.inTransit, "InTransit_001"), // Reschedule Delivery Confirmed
        "116": .init(.inTransit, "InTransit_001"), // Reschedule Delivery Requested
        "118": .init(.exception, "Exception_005"), // Return to Sender Confirmed
        "119": .init(.exception, "Exception_005"), // Return to Sender Requested
        "123": .init(.exception, "Exception_004"), // Pending Release From Non-UPS Broker
        "124": .init(.exception, "Exception_004"), // Clearance Information Needed
        "125": .init(.exception, "Exception_004"), // Clearance Information Needed
        "126": .init(.exception, "Exception_004"), // Pending Government Agency Release
        "129": .init(.exception, "Exception_007"), // Investigation Opened
        "130": .init(.exception, "Exception_001"), // Claim in Progress
        "131": .init(.infoReceived, "InfoReceived_001"), // Final Pickup Attempted
        "132": .init(.inTransit, "InTransit_005"), // Airport Security Delay
        "134": .init(.inTransit, "InTransit_004"), // Cleared Import Customs
        "135": .init(.infoReceived, "InfoReceived_001"), // Second Pickup Attempted
        "136": .init(.inTransit, "InTransit_001"), // Delivery Rescheduled for Saturday
        "137": .init(.inTransit, "InTransit_001"), // Transferred to UPS Delivery Partner
        "138": .init(.inTransit, "InTransit_001"), // Awaiting Scheduled Departure
        "139": .init(.attemptFail, "AttemptFail_005"), // Security Access Required
        "141": .init(.exception, "Exception_004"), // Incomplete Documentation Received
        "143": .init(.delivered, "Delivered_001"), // Delivered to Agent
        "144": .init(.availableForPickup, "AvailableForPickup_001"), // Delivered to Post Office for Pickup
        "145": .init(.attemptFail, "AttemptFail_001"), // Delivery Attempted
        "146": .init(.outForDelivery, "OutForDelivery_001"), // Out for Delivery
        "147": .init(.exception, "Exception_001"), // Seized by Law Enforcement
        "148": .init(.inTransit, "InTransit_001"), // Package Information Unavailable
        "149": .init(.exception, "Exception_001"), // Prohibited Contents, Package Destroyed
        "153": .init(.inTransit, "InTransit_001"), // Updated Delivery Time
        "154": .init(.inTransit, "InTransit_001"), // Updated Delivery Date
        "155": .init(.delivered, "Delivered_002"), // Delivery Photo
        "156": .init(.delivered, "Delivered_002"), // Commercial Inside Release
        "157": .init(.infoReceived, "InfoReceived_001"), // Shipment Ready for UPS
        "158": .init(.inTransit, "InTransit_001"), // On the Way
        "159": .init(.inTransit, "InTransit_001"), // On the Way
        "160": .init(.inTransit, "InTransit_001"), // We Have Your Package
        "161": .init(.availableForPickup, "AvailableForPickup_001"), // Delivered to UPS Access Point
        "162": .init(.outForDelivery, "OutForDelivery_001"), // Out for Delivery
        "163": .init(.inTransit, "InTransit_001"), // Package Information Unavailable
        "164": .init(.inTransit, "InTransit_001"), // On the Way
        "165": .init(.inTransit, "InTransit_001"), // On the Way
        "166": .init(.infoReceived, "InfoReceived_001"), // Shipment Ready for Roadie
        "167": .init(.inTransit, "InTransit_001"), // Dropped off at UPS Store by Customer
        "168": .init(.inTransit, "InTransit_001"), // Dropped off at Retail Location by Customer
        "169": .init(.inTransit, "InTransit_001"), // Dropped off at a UPS Access Point by Customer
    ]

    /// UPS "Package Activity Types", as the activity's `status.type` sends them.
    static let categories: [String: StatusMapping] = [
        "M": .init(.infoReceived, "InfoReceived_001"), // Billing Information Received
        "MV": .init(.exception, "Exception_001"), // Billing Information Voided
        "P": .init(.inTransit, "InTransit_001"), // Pickup
        "I": .init(.inTransit, "InTransit_001"), // In Transit, Out for Delivery
        "X": .init(.exception, "Exception_001"), // Exception
        "D": .init(.delivered, "Delivered_001"), // Delivered
        "DO": .init(.inTransit, "InTransit_001"), // Delivered Origin CFS (Freight Only)
        "DD": .init(.inTransit, "InTransit_001"), // Delivered Destination CFS (Freight Only)
        "W": .init(.inTransit, "InTransit_001"), // Warehousing (Freight Only)
        "U": .init(.inTransit, "InTransit_001"), // Updates (Track Alert only)
    ]
}
