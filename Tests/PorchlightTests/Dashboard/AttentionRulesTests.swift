import Foundation
import Testing
@testable import Porchlight

@Suite("Which parcels need the merchant, and why")
struct AttentionRulesTests {
    static let now = Date(timeIntervalSince1970: 1_796_050_800)
    static func daysAgo(_ days: Double) -> Date { now.addingTimeInterval(-days * 86_400) }

    /// An ordinary parcel on its way: carrier known, moved yesterday, due tomorrow.
    static func facts(_ status: ShipmentStatus, _ substatus: String? = nil, carrier: String? = "UPS",
                      detected: Bool = true, windowLatest: Date? = now.addingTimeInterval(86_400),
                      lastMovementAt: Date? = daysAgo(1), lastEventAt: Date? = daysAgo(1),
                      createdAt: Date = daysAgo(3)) -> AttentionFacts {
        AttentionFacts(status: status, substatus: substatus.map(Substatus.init), carrierDetected: detected,
                       windowLatest: windowLatest, lastMovementAt: lastMovementAt, createdAt: createdAt, now: now,
                       carrier: carrier, lastEventAt: lastEventAt)
    }

    @Test("A parcel moving on time needs nothing", arguments: [ShipmentStatus.pending, .infoReceived, .inTransit, .outForDelivery])
    func onTrack(status: ShipmentStatus) {
        #expect(AttentionRules.evaluate(Self.facts(status)) == nil)
    }

    @Test("Delivered parcels never need attention, whatever else is true")
    func delivered() {
        let everythingWrong = Self.facts(.delivered, "InTransit_005", detected: false, windowLatest: Self.daysAgo(9),
                                         lastMovementAt: Self.daysAgo(20), createdAt: Self.daysAgo(40))
        #expect(AttentionRules.reasons(everythingWrong).isEmpty)
    }

    @Test("Exception: the carrier's reason, when, and what to do")
    func exception() throws {
        let item = try #require(AttentionRules.evaluate(Self.facts(.exception, "Exception_002", lastEventAt: Self.daysAgo(2.5))))
        #expect(item.kind == .exception)
        #expect(item.reason == "UPS reported an exception: address problem, 2 days ago.")
        #expect(item.action == "Contact the customer to confirm the address, then give the correct one to the carrier.")
        #expect(item.since == Self.daysAgo(2.5))

        let unknown = try #require(AttentionRules.evaluate(Self.facts(.exception, "Exception_999", carrier: nil,
                                                                      lastMovementAt: nil, lastEventAt: nil)))
        #expect(unknown.reason == "The carrier reported an exception.")
        #expect(unknown.action.hasPrefix("Check the carrier's tracking page"))
        #expect(unknown.since == Self.daysAgo(3), "falls back to when the parcel was added")

        let returning = try #require(AttentionRules.evaluate(Self.facts(.exception, "Exception_005", lastEventAt: Self.now.addingTimeInterval(-600))))
        #expect(returning.reason == "UPS reported an exception: being returned to you, just now.")
    }

    @Test("Failed attempt: what stopped the driver and what to do")
    func failedAttempt() throws {
        let item = try #require(AttentionRules.evaluate(Self.facts(.attemptFail, "AttemptFail_005", carrier: "DHL",
                                                                   lastEventAt: Self.now.addingTimeInterval(-5 * 3_600))))
        #expect(item.kind == .failedAttempt)
        #expect(item.reason == "DHL couldn't deliver it (couldn't reach the door), 5 hours ago.")
        #expect(item.action.hasPrefix("Ask the customer for access details"))
        let generic = try #require(AttentionRules.evaluate(Self.facts(.attemptFail, nil)))
        #expect(generic.reason == "UPS couldn't deliver it, 1 day ago.")
    }

    @Test("Waiting at a pickup point becomes urgent after four days")
    func waitingAtPickup() throws {
        #expect(AttentionRules.evaluate(Self.facts(.availableForPickup, lastMovementAt: Self.daysAgo(3.9))) == nil)
        let item = try #require(AttentionRules.evaluate(Self.facts(.availableForPickup, lastMovementAt: Self.daysAgo(4),
                                                                   lastEventAt: Self.daysAgo(1))))
        #expect(item.kind == .waitingAtPickup)
        #expect(item.reason == "It arrived at a pickup point 4 days ago and hasn't been collected.")
        #expect(item.since == Self.daysAgo(4), "arrival counts, not a later reminder event")
        #expect(AttentionRules.evaluate(Self.facts(.availableForPickup, lastMovementAt: nil, lastEventAt: nil)) == nil)
    }

    @Test("Past the window: not delivered once its last promised day is over")
    func pastWindow() throws {
        let end = Self.daysAgo(2)
        let item = try #require(AttentionRules.evaluate(Self.facts(.inTransit, windowLatest: end)))
        #expect(item.kind == .pastWindow)
        #expect(item.reason == "Its delivery window ended 2 days ago and it hasn't arrived.")
        #expect(item.since == end)
        #expect(AttentionRules.evaluate(Self.facts(.inTransit, windowLatest: Self.now)) == nil, "the window's end itself is not late")
        let outForDelivery = try #require(AttentionRules.evaluate(Self.facts(.outForDelivery, windowLatest: end)))
        #expect(outForDelivery.action == "It's out for delivery now. Let the customer know it's on its way today.")
    }

    @Test("Stalled: the delay substatus, or no scan for the stall period")
    func stalled() throws {
        let flagged = try #require(AttentionRules.evaluate(Self.facts(.inTransit, "InTransit_005", lastMovementAt: Self.daysAgo(1),
                                                                      lastEventAt: Self.daysAgo(0.5))))
        #expect(flagged.kind == .stalled)
        #expect(flagged.reason == "UPS reported a delay, 12 hours ago.")

        let quiet = try #require(AttentionRules.evaluate(Self.facts(.inTransit, lastMovementAt: Self.daysAgo(6))))
        #expect(quiet.kind == .stalled)
        #expect(quiet.reason == "UPS hasn't scanned it for 6 days.")
        #expect(quiet.since == Self.daysAgo(6))

        #expect(AttentionRules.evaluate(Self.facts(.inTransit, lastMovementAt: Self.daysAgo(3.9))) == nil)
        let patient = AttentionRules.Settings(stallDays: 7)
        #expect(AttentionRules.evaluate(Self.facts(.inTransit, lastMovementAt: Self.daysAgo(6)), settings: patient) == nil)
        #expect(AttentionRules.evaluate(Self.facts(.outForDelivery, lastMovementAt: Self.daysAgo(6))) == nil, "only parcels on the road stall")
    }

    @Test("Undetected carrier and expired tracking")
    func trackingProblems() throws {
        let undetected = try #require(AttentionRules.evaluate(Self.facts(.pending, carrier: nil, detected: false,
                                                                         lastMovementAt: nil, lastEventAt: nil)))
        #expect(undetected.kind == .undetectedCarrier)
        #expect(undetected.action == "Check the tracking number for typos, or choose the carrier on the order.")

        let expired = try #require(AttentionRules.evaluate(Self.facts(.expired, "Expired_001", windowLatest: nil, lastMovementAt: nil,
                                                                      lastEventAt: nil, createdAt: Self.daysAgo(31))))
        #expect(expired.kind == .expired)
        #expect(expired.reason == "UPS hasn't shared anything about this tracking number since it was added 31 days ago.")
        #expect(expired.since == Self.daysAgo(31))
    }

    @Test("Several reasons: the most urgent wins, in a fixed order")
    func priority() {
        let everything = Self.facts(.inTransit, "InTransit_005", detected: false, windowLatest: Self.daysAgo(1),
                                    lastMovementAt: Self.daysAgo(8))
        #expect(AttentionRules.reasons(everything).map(\.kind) == [.pastWindow, .stalled, .undetectedCarrier])
        #expect(AttentionRules.evaluate(everything)?.kind == .pastWindow)

        let exceptionLate = Self.facts(.exception, detected: false, windowLatest: Self.daysAgo(1))
        #expect(AttentionRules.reasons(exceptionLate).map(\.kind) == [.exception, .pastWindow, .undetectedCarrier])
        let expiredUnknown = Self.facts(.expired, detected: false, windowLatest: nil)
        #expect(AttentionRules.reasons(expiredUnknown).map(\.kind) == [.undetectedCarrier, .expired])
        #expect(AttentionKind.allCases == [.exception, .failedAttempt, .waitingAtPickup, .pastWindow, .stalled,
                                           .undetectedCarrier, .expired])
        #expect(AttentionKind.allCases.map(\.rank) == Array(0..<7))
        #expect(AttentionKind.allCases.sorted() == AttentionKind.allCases)
    }

    @Test("Lists sort most urgent first, then oldest first, ties in the order given")
    func sorting() {
        func item(_ kind: AttentionKind, _ days: Double, _ tag: String) -> AttentionItem {
            AttentionItem(kind: kind, reason: tag, action: "", since: Self.daysAgo(days))
        }
        let items = [item(.stalled, 9, "a"), item(.exception, 1, "b"), item(.stalled, 12, "c"), item(.exception, 3, "d"),
                     item(.expired, 40, "e"), item(.exception, 3, "f")]
        #expect(AttentionRules.mostUrgentFirst(items).map(\.reason) == ["d", "f", "b", "c", "a", "e"])

        struct Row { var order: String; var item: AttentionItem }
        let rows = items.enumerated().map { Row(order: "#\($0.offset)", item: $0.element) }
        #expect(AttentionRules.mostUrgentFirst(rows, by: \.item).map(\.order) == ["#3", "#5", "#1", "#2", "#0", "#4"])
        #expect(AttentionRules.mostUrgentFirst([AttentionItem]()).isEmpty)
    }

    @Test("Every kind has a title")
    func titles() {
        #expect(AttentionKind.allCases.map(\.title) == ["Carrier problem", "Delivery failed", "Waiting at pickup point",
                                                        "Running late", "Stalled", "Unknown carrier", "No tracking updates"])
    }
}
