import Foundation

/// The one status vocabulary every carrier is mapped onto (see docs/STATUSES.md).
/// Raw values are the wire format of the API and the database, so they must never change.
enum ShipmentStatus: String, Codable, CaseIterable, Sendable {
    case pending = "Pending"
    case infoReceived = "InfoReceived"
    case inTransit = "InTransit"
    case outForDelivery = "OutForDelivery"
    case attemptFail = "AttemptFail"
    case availableForPickup = "AvailableForPickup"
    case delivered = "Delivered"
    case exception = "Exception"
    case expired = "Expired"

    /// Step on the customer's progress bar: 0 ordered, 1 label created, 2 in transit,
    /// 3 out for delivery, 4 delivered.
    /// Problems sit on the step where they usually happen, so the bar never jumps
    /// backwards just because something went wrong: a failed attempt or a pickup-point
    /// drop happens at the last mile; an exception or a stale tracking number happens
    /// somewhere on the road.
    var progressStep: Int {
        switch self {
        case .pending: 0
        case .infoReceived: 1
        case .inTransit, .exception, .expired: 2
        case .outForDelivery, .attemptFail, .availableForPickup: 3
        case .delivered: 4
        }
    }

    /// The carrier will not report anything further we would act on.
    var isTerminal: Bool {
        self == .delivered || self == .expired
    }

    /// The customer (or the merchant) may have to do something, so these are surfaced
    /// ahead of ordinary progress in summaries.
    var needsAttention: Bool {
        self == .exception || self == .attemptFail || self == .expired
    }

    /// True once the carrier has physically handled the parcel. Used to ignore
    /// pre-transit noise (a label re-printed after pickup) in derivation.
    /// Exception and Expired are not proof of movement: both can happen before pickup.
    var showsMovement: Bool {
        switch self {
        case .inTransit, .outForDelivery, .attemptFail, .availableForPickup, .delivered: true
        case .pending, .infoReceived, .exception, .expired: false
        }
    }
}
