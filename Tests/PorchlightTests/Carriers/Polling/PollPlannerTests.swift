import Foundation
import Testing
@testable import Porchlight

@Suite struct PollPlannerTests {
    let newYork = TimeZone(identifier: "America/New_York")!
    /// Tuesday 24 November 2026, 10:00 in New York.
    let morning = PollingClock.at("2026-11-24T15:00:00Z")
    let settings = PollingSettings.standard

    func facts(_ status: ShipmentStatus, now: Date? = nil, created: TimeInterval = -2 * PollingClock.day,
               lastEvent: TimeInterval? = -3 * PollingClock.hour, moved: TimeInterval? = -3 * PollingClock.hour,
               window: DeliveryWindow? = nil, webhook: Bool = false, carrier: String? = "ups") -> PollFacts {
        let now = now ?? morning
        return PollFacts(status: status, carrier: carrier, createdAt: now.addingTimeInterval(created),
                         shippedAt: now.addingTimeInterval(created), lastEventAt: lastEvent.map(now.addingTimeInterval),
                         lastMovementAt: moved.map(now.addingTimeInterval), estimatedWindow: window,
                         timeZone: newYork, hasPushWebhook: webhook, now: now)
    }

    /// Minutes until the next poll, for many seeds: (shortest, longest).
    func minutes(_ facts: PollFacts, settings: PollingSettings = .standard) -> (Double, Double)? {
        var waits: [Double] = []
        for seed in 1...200 as ClosedRange<UInt64> {
            var rng = SplitMix64(seed: seed)
            guard let next = PollPlanner.nextPoll(facts, settings: settings, rng: &rng) else { return nil }
            waits.append(next.timeIntervalSince(facts.now) / 60)
        }
        return (waits.min()!, waits.max()!)
    }

    @Test func anOutForDeliveryParcelIsPolledWithin35Minutes() throws {
        let (low, high) = try #require(minutes(facts(.outForDelivery)))
        #expect(low >= 27 && high <= 33)
    }

    @Test func aParcelOnTheRoadIsPolledAboutEveryTwoHours() throws {
        for status in [ShipmentStatus.inTransit, .attemptFail, .availableForPickup, .exception] {
            let (low, high) = try #require(minutes(facts(status)))
            #expect(low >= 108 && high <= 132, "\(status)")
        }
    }

    @Test func aParcelOnTheRoadOnADayItIsDueIsPolledEveryHalfHour() throws {
        let dueToday = DeliveryWindow(earliest: "2026-11-23", latest: "2026-11-24")
        #expect(try #require(minutes(facts(.inTransit, window: dueToday))).1 <= 33)
        let dueTomorrow = DeliveryWindow(earliest: "2026-11-25", latest: "2026-11-26")
        #expect(try #require(minutes(facts(.inTransit, window: dueTomorrow))).0 >= 108)
        let overdue = DeliveryWindow(earliest: "2026-11-20", latest: "2026-11-23")
        #expect(try #require(minutes(facts(.inTransit, window: overdue))).0 >= 108)
    }

    @Test func dueTodayMeansTodayWhereTheCustomerLives() throws {
        // 02:00 UTC on the 25th is still 21:00 on the 24th in New York.
        let evening = PollingClock.at("2026-11-25T02:00:00Z")
        let window = DeliveryWindow(earliest: "2026-11-25", latest: "2026-11-27")
        #expect(try #require(minutes(facts(.inTransit, now: evening, window: window))).0 >= 108)
        let sameWindowNextMorning = PollingClock.at("2026-11-25T14:00:00Z")
        #expect(try #require(minutes(facts(.inTransit, now: sameWindowNextMorning, window: window))).1 <= 33)
    }

    @Test func outForDeliveryOvernightFallsBackToTheTwoHourCadence() throws {
        let threeAM = PollingClock.at("2026-11-24T08:00:00Z")
        #expect(try #require(minutes(facts(.outForDelivery, now: threeAM))).0 >= 108)
    }

    @Test func aDeliveredOrExpiredParcelIsNeverPolledAgain() {
        for status in [ShipmentStatus.delivered, .expired] {
            for webhook in [false, true] {
                var rng = SplitMix64(seed: 7)
                #expect(PollPlanner.nextPoll(facts(status, webhook: webhook), settings: settings, rng: &rng) == nil)
            }
        }
    }

    @Test func aParcelWithAPushWebhookIsOnlyPolledDaily() throws {
        for status in [ShipmentStatus.outForDelivery, .inTransit, .infoReceived] {
            let (low, high) = try #require(minutes(facts(status, webhook: true)))
            #expect(low >= 0.9 * 24 * 60 && high <= 1.1 * 24 * 60, "\(status)")
        }
    }

    @Test func aFreshLabelIsCheckedEverySixHoursAndAnOldUntouchedOneTwiceADay() throws {
        let fresh = facts(.infoReceived, created: -5 * PollingClock.hour, lastEvent: -4 * PollingClock.hour, moved: nil)
        let (freshLow, freshHigh) = try #require(minutes(fresh))
        #expect(freshLow >= 0.9 * 360 && freshHigh <= 1.1 * 360)
        let old = facts(.infoReceived, created: -4 * PollingClock.day, lastEvent: -4 * PollingClock.day, moved: nil)
        let (oldLow, oldHigh) = try #require(minutes(old))
        #expect(oldLow >= 0.9 * 720 && oldHigh <= 1.1 * 720)
        let noCarrierWordYet = facts(.pending, created: -1 * PollingClock.hour, lastEvent: nil, moved: nil)
        #expect(try #require(minutes(noCarrierWordYet)).1 <= 1.1 * 360)
    }

    @Test func aStalledParcelIsCheckedTwiceADay() throws {
        let quiet = facts(.inTransit, lastEvent: -5 * PollingClock.day, moved: -5 * PollingClock.day)
        let (low, high) = try #require(minutes(quiet))
        #expect(low >= 0.9 * 720 && high <= 1.1 * 720)
        let quietButNotYetStalled = facts(.inTransit, lastEvent: -3 * PollingClock.day, moved: -3 * PollingClock.day)
        #expect(try #require(minutes(quietButNotYetStalled)).1 <= 132)
    }

    @Test func pollingStopsWhenTheCarrierHasNothingToSay() {
        var rng = SplitMix64(seed: 7)
        let neverHeard = facts(.pending, created: -30 * PollingClock.day, lastEvent: nil, moved: nil)
        #expect(PollPlanner.nextPoll(neverHeard, settings: settings, rng: &rng) == nil)
        let silentForTwoMonths = facts(.inTransit, created: -70 * PollingClock.day,
                                       lastEvent: -60 * PollingClock.day, moved: -60 * PollingClock.day)
        #expect(PollPlanner.nextPoll(silentForTwoMonths, settings: settings, rng: &rng) == nil)
    }

    @Test func thousandsOfShipmentsDoNotPollInLockstep() {
        var rng = SplitMix64(seed: 99)
        let base = facts(.inTransit)
        let times = (0..<1_000).compactMap { _ in PollPlanner.nextPoll(base, settings: settings, rng: &rng) }
        let buckets = Set(times.map { Int($0.timeIntervalSince(base.now) / 60) })
        #expect(times.count == 1_000)
        #expect(buckets.count > 20)

        var lowest = PollingFixedRNG(value: 0)
        #expect(PollPlanner.nextPoll(base, settings: settings, rng: &lowest) == base.now.addingTimeInterval(0.9 * 7_200))
        var highest = PollingFixedRNG(value: .max)
        let late = PollPlanner.nextPoll(base, settings: settings, rng: &highest)!.timeIntervalSince(base.now)
        #expect(late > 1.099 * 7_200 && late < 1.1 * 7_200)
    }

    @Test func theNextPollIsNeverInThePastEvenWithCarelessSettings() {
        var careless = PollingSettings()
        careless.outForDeliveryInterval = -600
        careless.jitter = 5
        for seed in 1...50 as ClosedRange<UInt64> {
            var rng = SplitMix64(seed: seed)
            let next = PollPlanner.nextPoll(facts(.outForDelivery), settings: careless, rng: &rng)!
            #expect(next >= morning.addingTimeInterval(PollPlanner.minimumInterval))
        }
    }
}
