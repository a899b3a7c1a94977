import Foundation
import Testing
@testable import Porchlight

@Suite struct ShipmentStatusDerivationTests {
    static let base = Date(timeIntervalSince1970: 1_790_000_000)

    /// Event `n` hours after `base`; ids are fixed so tie-breaks are reproducible.
    func event(
        _ n: Int, _ status: ShipmentStatus, substatus: String? = nil,
        recordedOffset: TimeInterval = 0, id: Int? = nil
    ) -> ShipmentEvent {
        let idNumber = id ?? n
        let at = Self.base.addingTimeInterval(TimeInterval(n) * 3600)
        return ShipmentEvent(
            id: UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", idNumber))!,
            status: status, substatus: substatus, occurredAt: at,
            recordedAt: at.addingTimeInterval(60 + recordedOffset), message: "event \(n)")
    }

    func permutations<T>(_ items: [T]) -> [[T]] {
        guard items.count > 1 else { return [items] }
        return items.indices.flatMap { index -> [[T]] in
            var rest = items
            let head = rest.remove(at: index)
            return permutations(rest).map { [head] + $0 }
        }
    }

    @Test func noEventsIsPending() {
        let derived = ShipmentStatusDerivation.derive([])
        #expect(derived == DerivedShipmentStatus(
            status: .pending, substatus: nil, deliveredAt: nil, lastEventAt: nil, governingEventID: nil))
    }

    @Test func latestEventWins() {
        let events = [event(0, .infoReceived), event(1, .inTransit, substatus: "InTransit_002"),
                      event(2, .outForDelivery)]
        let derived = ShipmentStatusDerivation.derive(events)
        #expect(derived.status == .outForDelivery)
        #expect(derived.governingEventID == events[2].id)
        #expect(derived.deliveredAt == nil)
        #expect(derived.lastEventAt == events[2].occurredAt)
    }

    @Test func substatusComesFromGoverningEvent() {
        let derived = ShipmentStatusDerivation.derive(
            [event(0, .inTransit, substatus: "InTransit_002"), event(1, .exception, substatus: "Exception_004")])
        #expect(derived.status == .exception)
        #expect(derived.substatus == "Exception_004")
    }

    @Test func arrivalOrderNeverMatters() {
        let events = [event(0, .infoReceived), event(1, .inTransit), event(2, .outForDelivery),
                      event(3, .delivered, substatus: "Delivered_002"), event(4, .inTransit)]
        let expected = ShipmentStatusDerivation.derive(events)
        #expect(expected.status == .delivered)
        for permutation in permutations(events) {
            #expect(ShipmentStatusDerivation.derive(permutation) == expected)
        }
    }

    @Test func arrivalOrderNeverMattersWithReturnAndTies() {
        let events = [event(1, .inTransit), event(2, .delivered), event(3, .exception, substatus: "Exception_005"),
                      event(3, .inTransit, recordedOffset: 10, id: 90), event(0, .infoReceived)]
        let expected = ShipmentStatusDerivation.derive(events)
        for permutation in permutations(events) {
            #expect(ShipmentStatusDerivation.derive(permutation) == expected)
        }
    }

    @Test(arguments: [ShipmentStatus.pending, .infoReceived, .inTransit, .outForDelivery,
                      .attemptFail, .availableForPickup, .expired, .delivered])
    func noiseAfterDeliveredKeepsDelivered(later: ShipmentStatus) {
        let delivered = event(2, .delivered, substatus: "Delivered_004")
        let derived = ShipmentStatusDerivation.derive([event(1, .inTransit), delivered, event(5, later)])
        #expect(derived.status == .delivered)
        #expect(derived.substatus == "Delivered_004")
        #expect(derived.deliveredAt == delivered.occurredAt)
        #expect(derived.governingEventID == delivered.id)
        // Noise still counts as a sign of life.
        #expect(derived.lastEventAt == Self.base.addingTimeInterval(5 * 3600))
    }

    @Test func returnAfterDeliveredMovesToException() {
        let derived = ShipmentStatusDerivation.derive(
            [event(1, .delivered), event(2, .exception, substatus: "Exception_005")])
        #expect(derived.status == .exception)
        #expect(derived.substatus == "Exception_005")
        #expect(derived.deliveredAt == nil)
    }

    @Test func redeliveryAfterExceptionIsDeliveredAgain() {
        let redelivered = event(3, .delivered)
        let derived = ShipmentStatusDerivation.derive(
            [event(1, .delivered), event(2, .exception, substatus: "Exception_003"), redelivered])
        #expect(derived.status == .delivered)
        #expect(derived.deliveredAt == redelivered.occurredAt)
    }

    @Test(arguments: [ShipmentStatus.pending, .infoReceived])
    func preTransitNoiseAfterMovementIsIgnored(noise: ShipmentStatus) {
        let moving = event(1, .inTransit)
        let derived = ShipmentStatusDerivation.derive([event(0, .infoReceived), moving, event(2, noise)])
        #expect(derived.status == .inTransit)
        #expect(derived.governingEventID == moving.id)
    }

    @Test func infoReceivedAfterMovementDoesNotReplaceLaterException() {
        let derived = ShipmentStatusDerivation.derive(
            [event(0, .inTransit), event(1, .exception), event(2, .infoReceived)])
        #expect(derived.status == .exception)
    }

    @Test func infoReceivedBeforeMovementStillCounts() {
        #expect(ShipmentStatusDerivation.derive([event(0, .pending), event(1, .infoReceived)]).status == .infoReceived)
        #expect(ShipmentStatusDerivation.derive([event(0, .exception), event(1, .infoReceived)]).status == .infoReceived)
    }

    @Test func sameInstantIsBrokenByRecordedAtThenID() {
        let earlierRecorded = event(1, .outForDelivery, recordedOffset: 0, id: 9)
        let laterRecorded = event(1, .attemptFail, recordedOffset: 30, id: 1)
        #expect(ShipmentStatusDerivation.derive([laterRecorded, earlierRecorded]).status == .attemptFail)

        let lowID = event(1, .outForDelivery, id: 1)
        let highID = event(1, .availableForPickup, id: 2)
        #expect(ShipmentStatusDerivation.derive([highID, lowID]).status == .availableForPickup)
        #expect(ShipmentStatusDerivation.derive([lowID, highID]).status == .availableForPickup)
    }

    @Test func secondDeliveredKeepsFirstDeliveryTime() {
        let first = event(1, .delivered, substatus: "Delivered_002")
        let derived = ShipmentStatusDerivation.derive([event(2, .delivered, substatus: "Delivered_004"), first])
        #expect(derived.deliveredAt == first.occurredAt)
        #expect(derived.substatus == "Delivered_002")
    }
}

@Suite struct ShipmentStatusExtensionTests {
    /// Random histories, split into what a parcel had heard and news after it: carrying the stored status
    /// forward must give what deriving from the whole history gives, whenever it answers at all.
    @Test func carryingForwardMatchesTheWholeHistory() {
        var rng = SplitMix64(seed: 20261123)
        let statuses = ShipmentStatus.allCases
        var answered = 0
        for _ in 0..<5_000 {
            let count = Int.random(in: 1...8, using: &rng)
            var hours = 0
            let events = (0..<count).map { index -> ShipmentEvent in
                hours += Int.random(in: 0...2, using: &rng)
                let at = Date(timeIntervalSince1970: 1_790_000_000 + TimeInterval(hours) * 3600)
                return ShipmentEvent(id: UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", index + 1))!,
                                     status: statuses.randomElement(using: &rng)!, substatus: nil,
                                     occurredAt: at, recordedAt: at, message: "")
            }
            let split = Int.random(in: 0...count, using: &rng)
            let stored = ShipmentStatusDerivation.derive(Array(events[..<split]))
            let whole = ShipmentStatusDerivation.derive(events)
            guard let carried = ShipmentStatusDerivation.extend(stored, with: Array(events[split...])) else { continue }
            answered += 1
            #expect(carried.status == whole.status && carried.substatus == whole.substatus
                    && carried.deliveredAt == whole.deliveredAt && carried.lastEventAt == whole.lastEventAt,
                    "\(events.map { "\($0.status)@\($0.occurredAt.timeIntervalSince1970)" }) split at \(split)")
        }
        #expect(answered > 1_000, "the shortcut applies to most news, or it saves nothing")
    }

    @Test func newsNoLaterThanTheLastEventNeedsTheHistory() {
        let at = Date(timeIntervalSince1970: 1_790_000_000)
        let stored = DerivedShipmentStatus(status: .inTransit, substatus: nil, deliveredAt: nil, lastEventAt: at)
        let late = ShipmentEvent(id: UUID(uuidString: "00000000-0000-0000-0000-000000000009")!, status: .delivered,
                                 occurredAt: at, recordedAt: at, message: "")
        #expect(ShipmentStatusDerivation.extend(stored, with: [late]) == nil)
        let afterException = DerivedShipmentStatus(status: .exception, substatus: nil, deliveredAt: nil, lastEventAt: at)
        #expect(ShipmentStatusDerivation.extend(afterException, with: []) == nil, "an exception does not prove movement")
    }
}
