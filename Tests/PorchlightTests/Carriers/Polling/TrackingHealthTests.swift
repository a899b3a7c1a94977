import Foundation
import Testing
@testable import Porchlight

@Suite struct TrackingHealthTests {
    let created = PollingClock.at("2026-11-01T12:00:00Z")
    let settings = PollingSettings.standard
    let day = PollingClock.day

    func assess(_ status: ShipmentStatus, lastEvent: Date? = nil, moved: Date? = nil, heard: Bool? = nil,
                carrier: String? = "ups", now: Date) -> TrackingHealth {
        TrackingHealth.assess(status: status, createdAt: created, lastEventAt: lastEvent, lastMovementAt: moved,
                              hasAnyCarrierEvent: heard ?? (lastEvent != nil), carrier: carrier, now: now,
                              settings: settings)
    }

    @Test func noInformationThirtyDaysAfterCreationIsExpiredButTwentyNineIsNot() throws {
        #expect(assess(.pending, now: created.addingTimeInterval(29 * day)) == .fine)
        #expect(assess(.pending, now: created.addingTimeInterval(30 * day - 1)) == .fine)
        let expired = assess(.pending, now: created.addingTimeInterval(30 * day))
        #expect(expired == .expired(at: created.addingTimeInterval(30 * day)))
        let event = try #require(expired.event)
        #expect(event.status == .expired)
        #expect(event.substatus == "Expired_001")
        #expect(Substatus(event.substatus).info != nil)
    }

    @Test func theExpiredEventIsTheSameWhenAssessedLater() {
        let onTime = assess(.infoReceived, heard: false, now: created.addingTimeInterval(30 * day))
        let late = assess(.infoReceived, heard: false, now: created.addingTimeInterval(41 * day))
        #expect(onTime.event != nil)
        #expect(onTime.event == late.event)
    }

    @Test func anyWordFromTheCarrierPreventsExpiry() {
        let label = created.addingTimeInterval(day)
        #expect(assess(.infoReceived, lastEvent: label, now: created.addingTimeInterval(45 * day)) == .fine)
    }

    @Test func deliveredAndExpiredParcelsAreNeverExpiredOrStalled() {
        let later = created.addingTimeInterval(90 * day)
        for status in [ShipmentStatus.delivered, .expired] {
            #expect(assess(status, heard: false, now: later) == .fine)
            #expect(assess(status, lastEvent: created, moved: created, now: later) == .fine)
        }
    }

    @Test func aParcelQuietForFourDaysIsStalledWithTheDelayEvent() throws {
        let moved = created.addingTimeInterval(2 * day)
        #expect(assess(.inTransit, lastEvent: moved, moved: moved, now: moved.addingTimeInterval(4 * day - 60)) == .fine)
        let stalled = assess(.inTransit, lastEvent: moved, moved: moved, now: moved.addingTimeInterval(4 * day))
        #expect(stalled == .stalled(since: moved, days: 4))
        let event = try #require(stalled.event)
        #expect(event == TrackingHealthEvent(status: .inTransit, substatus: "InTransit_005",
                                             message: "The carrier has not reported movement for 4 days.",
                                             occurredAt: moved.addingTimeInterval(4 * day)))
    }

    @Test func aStallIsRaisedOnceWithTheSameEventOnReassessment() {
        let moved = created.addingTimeInterval(2 * day)
        let events = (4...9).map { days in
            assess(.inTransit, lastEvent: moved, moved: moved, now: moved.addingTimeInterval(Double(days) * day)).event
        }
        #expect(events.allSatisfy { $0 != nil })
        #expect(Set(events.map { $0?.occurredAt }).count == 1)
        #expect(Set(events.map { $0?.message }).count == 1)
    }

    @Test func aNewScanEndsTheStallAndANewSilenceIsANewStall() {
        let moved = created.addingTimeInterval(2 * day)
        let first = assess(.inTransit, lastEvent: moved, moved: moved, now: moved.addingTimeInterval(5 * day)).event
        let scan = moved.addingTimeInterval(6 * day)
        #expect(assess(.inTransit, lastEvent: scan, moved: scan, now: scan.addingTimeInterval(day)) == .fine)
        let second = assess(.inTransit, lastEvent: scan, moved: scan, now: scan.addingTimeInterval(4 * day)).event
        #expect(second != nil && second != first)
    }

    @Test func stallDaysDependOnTheCarrier() {
        let moved = created.addingTimeInterval(2 * day)
        let fourDaysLater = moved.addingTimeInterval(4 * day)
        #expect(assess(.inTransit, lastEvent: moved, moved: moved, carrier: "USPS", now: fourDaysLater) == .fine)
        #expect(assess(.inTransit, lastEvent: moved, moved: moved, carrier: "usps",
                       now: moved.addingTimeInterval(5 * day)) == .stalled(since: moved, days: 5))
        #expect(assess(.inTransit, lastEvent: moved, moved: moved, carrier: nil, now: fourDaysLater).isStalled)
    }

    @Test func onlyParcelsOnTheRoadStall() {
        let moved = created.addingTimeInterval(2 * day)
        let muchLater = moved.addingTimeInterval(10 * day)
        for status in [ShipmentStatus.outForDelivery, .attemptFail, .availableForPickup, .exception, .infoReceived] {
            #expect(assess(status, lastEvent: moved, moved: moved, now: muchLater) == .fine, "\(status)")
        }
        // In transit on the carrier's word but never actually scanned moving: not a stall.
        #expect(assess(.inTransit, lastEvent: moved, moved: nil, now: muchLater) == .fine)
    }

    @Test func aCarrierNoticeWithoutMovementStillCountsAsNews() {
        let moved = created.addingTimeInterval(2 * day)
        let notice = moved.addingTimeInterval(3 * day)
        #expect(assess(.inTransit, lastEvent: notice, moved: moved, now: moved.addingTimeInterval(5 * day)) == .fine)
        #expect(assess(.inTransit, lastEvent: notice, moved: moved, now: notice.addingTimeInterval(4 * day))
            == .stalled(since: notice, days: 4))
    }

    @Test func delayNoticesAreNotMovement() {
        #expect(TrackingHealth.isMovement(status: .inTransit, substatus: "InTransit_002"))
        #expect(TrackingHealth.isMovement(status: .inTransit, substatus: nil))
        #expect(!TrackingHealth.isMovement(status: .inTransit, substatus: "InTransit_005"))
        #expect(!TrackingHealth.isMovement(status: .infoReceived, substatus: nil))
    }
}
