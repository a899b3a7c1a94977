import Foundation

/// Every message Porchlight sends a customer. Raw values are the API's and the template files' names.
enum MessageType: String, CaseIterable, Codable, Sendable {
    case orderConfirmation = "order_confirmation"
    case shipped
    case outForDelivery = "out_for_delivery"
    case delivered
    case failedAttempt = "failed_attempt"
    case readyForPickup = "ready_for_pickup"
    case exception
    case reassurance
    case checkIn = "check_in"
    case reviewRequest = "review_request"
    case reorderReminder = "reorder_reminder"

    var category: MessageCategory {
        switch self {
        case .orderConfirmation: .transactional
        case .shipped, .outForDelivery, .delivered, .failedAttempt, .readyForPickup, .exception: .shipping
        case .reassurance, .checkIn, .reviewRequest, .reorderReminder: .followUp
        }
    }

    /// The parcel status that makes this message true; it is stale once the parcel has moved on.
    var triggerStatus: ShipmentStatus? {
        switch self {
        case .shipped: .inTransit
        case .outForDelivery: .outForDelivery
        case .delivered: .delivered
        case .failedAttempt: .attemptFail
        case .readyForPickup: .availableForPickup
        case .exception: .exception
        default: nil
        }
    }

    /// The shipping message a parcel's new status calls for, if any.
    static func announcing(_ status: ShipmentStatus) -> MessageType? {
        allCases.first { $0.triggerStatus == status }
    }
}

/// Customers unsubscribe per category. Confirmations answer a purchase and cannot be turned off by the customer.
enum MessageCategory: String, Codable, Sendable, CaseIterable {
    case transactional
    case shipping
    case followUp = "followup"
}

/// Where a message is in its life, as the API reports it.
enum MessageStatus: String, Codable, Sendable {
    case scheduled
    case sent
    case skipped
    case failed
}
