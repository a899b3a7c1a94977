import Foundation

/// What a carrier (or an aggregator) said about one parcel, in its own words, before mapping.
/// Every adapter and webhook parser produces these; mapping onto our vocabulary happens later,
/// so the raw code and text survive for support and for improving the tables.
struct CarrierReport: Sendable, Equatable, Codable {
    /// Our carrier code ("ups", "fedex", "usps", "dhl", ...), or the aggregator's best knowledge of it.
    var carrier: String
    var trackingNumber: String
    var scans: [CarrierScan]
    /// The carrier's own promise, as calendar days at the destination; nil when it gave none.
    var estimatedDelivery: DeliveryWindow?
    var service: String?

    init(carrier: String, trackingNumber: String, scans: [CarrierScan],
         estimatedDelivery: DeliveryWindow? = nil, service: String? = nil) {
        self.carrier = carrier
        self.trackingNumber = trackingNumber
        self.scans = scans
        self.estimatedDelivery = estimatedDelivery
        self.service = service
    }
}

/// One event in a carrier's history, as the carrier reported it.
struct CarrierScan: Sendable, Equatable, Codable {
    /// The key the carrier's mapping table is looked up by (documented per carrier in docs/STATUSES.md).
    var code: String
    /// The carrier's own description, shown to merchants and kept verbatim.
    var text: String
    var occurredAt: Date
    /// The carrier's own coarse class (UPS's type letter, DHL's statusCode, ...), used when `code` is not in the table.
    var category: String?
    /// "City, ST, US" style, from whatever parts the carrier gave.
    var location: String?

    init(code: String, category: String? = nil, text: String, occurredAt: Date, location: String? = nil) {
        self.code = code
        self.category = category
        self.text = text
        self.occurredAt = occurredAt
        self.location = location
    }
}

/// Where a raw carrier code lands in our vocabulary.
struct StatusMapping: Sendable, Equatable, Codable {
    var status: ShipmentStatus
    var substatus: String?

    init(_ status: ShipmentStatus, _ substatus: String? = nil) {
        self.status = status
        self.substatus = substatus
    }
}

/// Carrier API and webhook bodies that cannot be understood.
enum CarrierParseError: Error, Equatable {
    /// The body is not the shape we expect; the message says what was missing, for the integration log.
    case malformed(String)
    /// The carrier answered, but knows nothing of this number (yet).
    case notFound(String)
}
