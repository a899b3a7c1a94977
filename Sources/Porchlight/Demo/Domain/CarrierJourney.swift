import Foundation

/// A pretend carrier: given what has happened to a parcel so far, what plausibly happens next.
/// It drives the demo through the same path real carrier events take.
struct CarrierJourney: Sendable {
    struct Step: Sendable, Equatable {
        var status: ShipmentStatus
        var substatus: String?
        var message: String
        var location: String?
    }

    var origin = "Portland, OR"
    var hubs = ["Salt Lake City, UT", "Denver, CO", "Kansas City, MO", "Chicago, IL"]
    var destination: String

    /// The next scan after `history` (oldest first), or nil once the parcel's story is over.
    func next<R: RandomNumberGenerator>(after history: [Step], using rng: inout R) -> Step? {
        guard let last = history.last else {
            return Step(status: .infoReceived, substatus: "InfoReceived_001", message: "Shipping label created", location: origin)
        }
        let hubScans = history.filter { $0.substatus == "InTransit_002" && $0.location != destination }.count
        switch last.status {
        case .pending, .infoReceived:
            return Step(status: .inTransit, substatus: "InTransit_001", message: "Picked up by carrier", location: origin)
        case .inTransit:
            if last.substatus == "InTransit_002" && last.location == destination {
                return Step(status: .outForDelivery, substatus: "OutForDelivery_001", message: "Out for delivery", location: destination)
            }
            if last.substatus == "InTransit_002" {
                return Step(status: .inTransit, substatus: "InTransit_003", message: "Departed facility", location: last.location)
            }
            if rng.unitInterval() < 0.06 {
                return Step(status: .exception, substatus: "Exception_008",
                            message: "Delayed by severe weather; the parcel is safe and will move as soon as possible",
                            location: last.location)
            }
            let hubCount = 1 + (destination.count % 2)
            if hubScans < hubCount {
                return Step(status: .inTransit, substatus: "InTransit_002", message: "Arrived at facility", location: hubs[hubScans % hubs.count])
            }
            return Step(status: .inTransit, substatus: "InTransit_002", message: "Arrived at local delivery facility", location: destination)
        case .exception:
            return Step(status: .inTransit, substatus: "InTransit_001", message: "Moving again after the delay", location: last.location)
        case .outForDelivery:
            let roll = rng.unitInterval()
            let attempts = history.filter { $0.status == .attemptFail }.count
            if roll < 0.12 && attempts == 0 {
                return Step(status: .attemptFail, substatus: "AttemptFail_002",
                            message: "Delivery attempted: no one available. We'll try again next business day", location: destination)
            }
            return Step(status: .delivered, substatus: "Delivered_002", message: "Delivered, left at front door", location: destination)
        case .attemptFail:
            return Step(status: .outForDelivery, substatus: "OutForDelivery_001", message: "Out for delivery (second attempt)", location: destination)
        case .availableForPickup:
            return Step(status: .delivered, substatus: "Delivered_003", message: "Collected from pickup point", location: destination)
        case .delivered, .expired:
            return nil
        }
    }

    /// A believable history ending in `target`, used to seed demo orders at every stage.
    func scripted(until target: ShipmentStatus, substatus: String? = nil) -> [Step] {
        let happy: [Step] = [
            Step(status: .infoReceived, substatus: "InfoReceived_001", message: "Shipping label created", location: origin),
            Step(status: .inTransit, substatus: "InTransit_001", message: "Picked up by carrier", location: origin),
            Step(status: .inTransit, substatus: "InTransit_002", message: "Arrived at facility", location: hubs[0]),
            Step(status: .inTransit, substatus: "InTransit_003", message: "Departed facility", location: hubs[0]),
            Step(status: .inTransit, substatus: "InTransit_002", message: "Arrived at local delivery facility", location: destination),
            Step(status: .outForDelivery, substatus: "OutForDelivery_001", message: "Out for delivery", location: destination),
            Step(status: .delivered, substatus: "Delivered_002", message: "Delivered, left at front door", location: destination),
        ]
        switch target {
        case .pending: return []
        case .infoReceived: return Array(happy.prefix(1))
        case .inTransit: return Array(happy.prefix(4))
        case .outForDelivery: return Array(happy.prefix(6))
        case .delivered, .expired: return happy
        case .attemptFail:
            return happy.prefix(6) + [Step(status: .attemptFail, substatus: "AttemptFail_002",
                                          message: "Delivery attempted: no one available", location: destination)]
        case .availableForPickup:
            return happy.prefix(5) + [Step(status: .availableForPickup, substatus: "AvailableForPickup_001",
                                          message: "Ready for pickup at the post office", location: destination)]
        case .exception:
            return happy.prefix(3) + [Step(status: .exception, substatus: substatus ?? "Exception_004",
                                          message: "Held at customs for inspection", location: hubs[0])]
        }
    }
}
