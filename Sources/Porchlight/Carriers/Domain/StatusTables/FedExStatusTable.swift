import Foundation

/// FedEx Track API codes onto our vocabulary (see docs/STATUSES.md).
/// A "DE" delivery exception is nearly always a missed delivery FedEx will retry; its reason is
/// only in the scan's text, so it maps to the generic attempt.
enum FedExStatusTable: CarrierStatusTable {
    static let carrier = "fedex"

    /// FedEx "Tracking Status Codes", as a scan event's `eventType` sends them.
    static let codes: [String: StatusMapping] = [
        "OC": .init(.infoReceived, "InfoReceived_001"), // Order Created / Shipment information sent to FedEx
        "AP": .init(.infoReceived, "InfoReceived_001"), // At Pickup
        "EP": .init(.infoReceived, "InfoReceived_001"), // Enroute to Pickup
        "PD": .init(.infoReceived, "InfoReceived_001"), // Pickup Delay
        "PU": .init(.inTransit, "InTransit_001"), // Picked Up
        "PX": .init(.inTransit, "InTransit_001"), // Picked up (see Details)
        "OF": .init(.inTransit, "InTransit_002"), // At FedEx origin facility
        "AR": .init(.inTransit, "InTransit_002"), // Arrived at FedEx location
        "AF": .init(.inTransit, "InTransit_002"), // At local FedEx Facility
        "FD": .init(.inTransit, "InTransit_002"), // At FedEx Destination
        "SF": .init(.inTransit, "InTransit_002"), // At Sort Facility
        "DP": .init(.inTransit, "InTransit_003"), // Departed
        "LO": .init(.inTransit, "InTransit_003"), // Left Origin
        "IT": .init(.inTransit, "InTransit_001"), // In Transit
        "IX": .init(.inTransit, "InTransit_001"), // In transit (see Details)
        "AA": .init(.inTransit, "InTransit_001"), // At Airport
        "AC": .init(.inTransit, "InTransit_001"), // At Canada Post facility
        "AX": .init(.inTransit, "InTransit_001"), // At USPS facility
        "OX": .init(.inTransit, "InTransit_001"), // Shipment information sent to USPS
        "AO": .init(.inTransit, "InTransit_001"), // Shipment arriving On-time
        "AE": .init(.inTransit, "InTransit_001"), // Shipment arriving early
        "EA": .init(.inTransit, "InTransit_001"), // Enroute to Airport / Export Approved
        "EO": .init(.inTransit, "InTransit_001"), // Enroute to Origin Airport
        "PF": .init(.inTransit, "InTransit_001"), // Plane in Flight
        "PL": .init(.inTransit, "InTransit_001"), // Plane Landed
        "PM": .init(.inTransit, "InTransit_001"), // In Progress
        "DS": .init(.inTransit, "InTransit_001"), // Vehicle Dispatched
        "DR": .init(.inTransit, "InTransit_001"), // Vehicle furnished but not used
        "TR": .init(.inTransit, "InTransit_001"), // Transfer
        "SP": .init(.inTransit, "InTransit_001"), // Split Status
        "CH": .init(.inTransit, "InTransit_001"), // Location Changed
        "RR": .init(.inTransit, "InTransit_001"), // CDO requested (delivery option)
        "RM": .init(.inTransit, "InTransit_001"), // CDO Modified
        "RC": .init(.inTransit, "InTransit_001"), // CDO Cancelled
        "CP": .init(.inTransit, "InTransit_001"), // Clearance in Progress
        "CC": .init(.inTransit, "InTransit_004"), // Cleared Customs
        "CD": .init(.exception, "Exception_004"), // Clearance Delay
        "DD": .init(.inTransit, "InTransit_005"), // Delivery Delay
        "DY": .init(.inTransit, "InTransit_005"), // Delay
        "OD": .init(.outForDelivery, "OutForDelivery_001"), // Out for Delivery
        "ED": .init(.outForDelivery, "OutForDelivery_001"), // Enroute to Delivery
        "AD": .init(.outForDelivery, "OutForDelivery_001"), // At Delivery
        "DE": .init(.attemptFail, "AttemptFail_001"), // Delivery Exception
        "HL": .init(.availableForPickup, "AvailableForPickup_001"), // Hold at Location
        "HP": .init(.availableForPickup, "AvailableForPickup_001"), // Ready for Recipient Pickup
        "DL": .init(.delivered, "Delivered_001"), // Delivered
        "SE": .init(.exception, "Exception_001"), // Shipment Exception
        "CA": .init(.exception, "Exception_001"), // Shipment Cancelled
        "RS": .init(.exception, "Exception_005"), // Return to Shipper
    ]

    /// FedEx's `derivedStatusCode` on each scan event.
    static let categories: [String: StatusMapping] = [
        "IN": .init(.infoReceived, "InfoReceived_001"), // Label created
        "OC": .init(.infoReceived, "InfoReceived_001"), // Order created
        "PU": .init(.inTransit, "InTransit_001"), // Picked up
        "IT": .init(.inTransit, "InTransit_001"), // In transit
        "DP": .init(.inTransit, "InTransit_003"), // Departed
        "AR": .init(.inTransit, "InTransit_002"), // Arrived
        "DY": .init(.inTransit, "InTransit_005"), // Delay
        "DD": .init(.inTransit, "InTransit_005"), // Delivery delay
        "RL": .init(.inTransit, "InTransit_005"), // Running late
        "OD": .init(.outForDelivery, "OutForDelivery_001"), // Out for delivery
        "DE": .init(.attemptFail, "AttemptFail_001"), // Delivery exception
        "HL": .init(.availableForPickup, "AvailableForPickup_001"), // Hold at location
        "HP": .init(.availableForPickup, "AvailableForPickup_001"), // Ready for pickup
        "DL": .init(.delivered, "Delivered_001"), // Delivered
        "SE": .init(.exception, "Exception_001"), // Shipment exception
        "CA": .init(.exception, "Exception_001"), // Cancelled
        "RS": .init(.exception, "Exception_005"), // Return to shipper
    ]
}
