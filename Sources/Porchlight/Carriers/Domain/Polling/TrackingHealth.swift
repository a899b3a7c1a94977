import Foundation

/// Whether a carrier's silence about a parcel means something the customer should hear about.
///
/// Every date passed in must come from the carrier's own events, never from the events this
/// type asks to be recorded; otherwise recording a stall would look like fresh news and the
/// stall would be raised again a few days later.
enum TrackingHealth: Sendable, Equatable {
    case fine
    /// The carrier never said anything about the number; `at` is when the grace period ran out.
    case expired(at: Date)
    /// The parcel moved, then went quiet at `since` for at least `days` days.
    case stalled(since: Date, days: Int)

    static func assess(
        status: ShipmentStatus, createdAt: Date, lastEventAt: Date?, lastMovementAt: Date?,
        hasAnyCarrierEvent: Bool, carrier: String?, now: Date, settings: PollingSettings
    ) -> TrackingHealth {
        if status.isTerminal { return .fine }
        if !hasAnyCarrierEvent {
            let deadline = createdAt.addingTimeInterval(days(settings.expireAfterDays))
            return now >= deadline ? .expired(at: deadline) : .fine
        }
        // Only parcels on the road stall. Out for delivery, a failed attempt, a pickup point and
        // an exception have each already told the customer what is going on, and a pre-transit
        // label has not started its journey.
        guard status == .inTransit, let lastMovementAt else { return .fine }
        let since = max(lastMovementAt, lastEventAt ?? lastMovementAt)
        let stallDays = settings.stallDays(for: carrier)
        guard now >= since.addingTimeInterval(days(stallDays)) else { return .fine }
        return .stalled(since: since, days: stallDays)
    }

    /// What to record on the shipment, or nil when nothing changed.
    /// `occurredAt` depends only on the carrier's history and the settings, so assessing the same
    /// shipment again gives an identical event; dedupe by content and the customer hears once.
    var event: TrackingHealthEvent? {
        switch self {
        case .fine:
            return nil
        case .expired(let at):
            return TrackingHealthEvent(
                status: .expired, substatus: "Expired_001",
                message: "The carrier has not shared any information about this tracking number.",
                occurredAt: at)
        case .stalled(let since, let days):
            return TrackingHealthEvent(
                status: .inTransit, substatus: "InTransit_005",
                message: "The carrier has not reported movement for \(days) days.",
                occurredAt: since.addingTimeInterval(Self.days(days)))
        }
    }

    var isStalled: Bool {
        if case .stalled = self { return true }
        return false
    }

    /// A carrier event counts as movement when it shows the parcel was handled. A delay notice
    /// (ours or the carrier's InTransit_005) is not movement, or a stall would keep renewing itself.
    static func isMovement(status: ShipmentStatus, substatus: String?) -> Bool {
        status.showsMovement && substatus != "InTransit_005"
    }

    /// Whole 24-hour days: the rules are about "roughly N days of silence", not calendar dates.
    static func days(_ count: Int) -> TimeInterval { TimeInterval(count) * 86_400 }
}

/// An event the job handler records for the shipment, exactly as given.
struct TrackingHealthEvent: Sendable, Equatable {
    var status: ShipmentStatus
    var substatus: String
    var message: String
    var occurredAt: Date
}
