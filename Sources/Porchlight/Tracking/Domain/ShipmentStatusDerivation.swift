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
    /// The event the status was taken from; nil when there are no events, or when it was carried forward
    /// from a stored status that does not keep it.
    var governingEventID: UUID? = nil
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
        fold(events.sorted(by: happensBefore), from: nil, hasMoved: false, lastEventAt: nil)
    }

    /// Carries a derivation forward with events that all happened after everything it was derived from,
    /// which is how most news arrives, so a parcel's history need not be read again. The answer is the
    /// same as deriving from the whole history. Nil when that cannot be known from `current` alone: an
    /// event not strictly later than the last one may reorder the story, and only a status that shows
    /// movement proves the parcel has moved (which decides whether a late InfoReceived counts).
    static func extend(_ current: DerivedShipmentStatus, with newer: [ShipmentEvent]) -> DerivedShipmentStatus? {
        guard let last = current.lastEventAt else { return current.status == .pending ? derive(newer) : nil }
        guard current.status.showsMovement, newer.allSatisfy({ $0.occurredAt > last }) else { return nil }
        let governing = ShipmentEvent(id: current.governingEventID ?? carriedForward, status: current.status,
                                      substatus: current.substatus, occurredAt: current.deliveredAt ?? last,
                                      recordedAt: last, message: "")
        var extended = fold(newer.sorted(by: happensBefore), from: governing, hasMoved: true, lastEventAt: last)
        if extended.governingEventID == governing.id { extended.governingEventID = current.governingEventID }
        return extended
    }

    /// Stands in for a governing event known only by its effect; never compared, as newer events are later.
    private static let carriedForward = UUID(uuidString: "00000000-0000-0000-0000-000000000000")!

    private static func fold(_ ordered: [ShipmentEvent], from start: ShipmentEvent?, hasMoved moved: Bool,
                             lastEventAt: Date?) -> DerivedShipmentStatus {
        var governing = start
        var hasMoved = moved
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
            lastEventAt: ordered.last?.occurredAt ?? lastEventAt,
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
        // Byte order, as PostgreSQL sorts uuids (and as their fixed-width hex strings sort).
        return lhs.id < rhs.id
    }
}
