import Foundation

/// A shipment's current status as derived from its event history.
struct DerivedShipmentStatus: Sendable, Equatable {
    var status: ShipmentStatus
    var substatus: String?
    /// Set only while the status is Delivered: when the governing Delivered event happened.
    var deliveredAt: Date?
    /// The latest `occurredAt` of any event, including ones ignored as noise, because
    /// "last carrier update" should reflect any sign of life.
    var lastEventAt: Date?
    /// The event the status was taken from; nil when there are no events.
    var governingEventID: UUID?
}

/// Turns a shipment's events into its current status.
///
/// Rules, and why:
/// 1. No events: Pending.
/// 2. Events are ordered by `occurredAt`, then `recordedAt`, then `id`. Carriers send
///    events late and out of order; the order is total, so arrival order never
///    changes the answer.
/// 3. The latest event wins, except:
///    - Once Delivered, only a later Exception (returned, damaged, ...) moves the status
///      away. Carriers keep emitting scans after delivery (duplicate "out for delivery",
///      a late "in transit", expiry of the tracking number); telling a customer who has
///      the parcel that it is "on its way" again is worse than missing a scan.
///      A second Delivered does not replace the first, so `deliveredAt` stays the
///      moment the parcel actually arrived.
///    - Once the parcel has moved (InTransit or later), a later InfoReceived is label
///      re-print noise and is ignored.
///    - Pending never replaces a known status: it means "no information", not news.
enum ShipmentStatusDerivation {
    static func derive(_ events: [ShipmentEvent]) -> DerivedShipmentStatus {
        let ordered = events.sorted(by: happensBefore)
        var governing: ShipmentEvent?
        var hasMoved = false

        for event in ordered {
            if let current = governing {
                if supersedes(event, current: current, hasMoved: hasMoved) {
                    governing = event
                }
            } else {
                governing = event
            }
            if event.status.showsMovement {
                hasMoved = true
            }
        }

        guard let governing else {
            return DerivedShipmentStatus(
                status: .pending, substatus: nil, deliveredAt: nil,
                lastEventAt: nil, governingEventID: nil)
        }
        return DerivedShipmentStatus(
            status: governing.status,
            substatus: governing.substatus,
            deliveredAt: governing.status == .delivered ? governing.occurredAt : nil,
            lastEventAt: ordered.last?.occurredAt,
            governingEventID: governing.id)
    }

    /// Whether a later event takes over from the currently governing one.
    private static func supersedes(
        _ event: ShipmentEvent, current: ShipmentEvent, hasMoved: Bool
    ) -> Bool {
        if current.status == .delivered {
            return event.status == .exception
        }
        switch event.status {
        case .pending: return false
        case .infoReceived: return !hasMoved
        default: return true
        }
    }

    /// Total order on events, so sorting is deterministic whatever the input order.
    static func happensBefore(_ lhs: ShipmentEvent, _ rhs: ShipmentEvent) -> Bool {
        if lhs.occurredAt != rhs.occurredAt { return lhs.occurredAt < rhs.occurredAt }
        if lhs.recordedAt != rhs.recordedAt { return lhs.recordedAt < rhs.recordedAt }
        // uuidString is fixed-width uppercase hex, so string order is byte order.
        return lhs.id.uuidString < rhs.id.uuidString
    }
}
