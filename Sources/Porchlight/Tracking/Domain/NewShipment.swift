import Foundation

/// A parcel the store has handed to a carrier.
struct NewShipment: Sendable, Equatable {
    var carrier: String?
    var trackingNumber: String
    var service: String?
    var items: [ShipmentItem]
    var shippedAt: Date?

    func validate() throws(TrackingError) {
        let number = trackingNumber.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (3...64).contains(number.count) else { throw .invalid("tracking_number must be 3 to 64 characters.") }
        guard number.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == " ") }) else {
            throw .invalid("tracking_number may contain only letters, digits, spaces and hyphens.")
        }
        for (index, item) in items.enumerated() where item.quantity < 1 {
            throw .invalid("line_items[\(index)].quantity must be at least 1.")
        }
    }
}

/// Which of the order's items travel in a parcel.
struct ShipmentItem: Sendable, Equatable, Codable {
    var sku: String?
    var title: String
    var quantity: Int
}

/// A status update for one parcel, from the API, the simulator or (later) a carrier.
struct NewShipmentEvent: Sendable, Equatable {
    var status: ShipmentStatus
    var substatus: String?
    var occurredAt: Date
    var message: String?
    var location: String?
    var carrierCode: String?

    func validate() throws(TrackingError) {
        if let substatus, !Substatus(substatus).belongs(to: status) {
            throw .invalid("substatus '\(substatus)' does not belong to status \(status.rawValue).")
        }
        if let message, message.count > 500 { throw .invalid("message must be at most 500 characters.") }
    }

    /// Identical reports of the same moment (webhook retries, double submits) share this key, so they are stored once.
    var dedupeKey: String {
        [status.rawValue, substatus ?? "", String(Int(occurredAt.timeIntervalSince1970)),
         message ?? "", location ?? ""].joined(separator: "|")
    }
}

enum TrackingError: Error, Equatable {
    case invalid(String)
}
