import Foundation
import Testing
@testable import Porchlight

@Suite struct DeliveryEstimatorTests {
    private static let zone = TimeZone(identifier: "America/New_York")!

    private static func at(_ day: String, _ hour: Int = 12) -> Date {
        DeliveryWindow.date(fromDay: day, in: zone)!.addingTimeInterval(Double(hour - 12) * 3600)
    }

    /// `count` USPS Ground Advantage parcels to New York; transit cycles through `transits`
    /// business days, ship days spread over the weekdays of early 2025.
    private static func history(_ count: Int, transits: [Int], destination: String = "US-NY",
                                weekdaysOnly: [Int]? = nil) -> [TransitSample] {
        let start = CalendarDay("2025-01-06")!   // a Monday
        return (0..<count).map { index in
            let offsets = weekdaysOnly ?? [0, 1, 2, 3, 4]
            let shipDay = start.adding(days: 7 * (index / offsets.count) + offsets[index % offsets.count])
            let shipped = at(shipDay.string, 15)
            let delivered = at(shipDay.addingBusinessDays(transits[index % transits.count]).string, 13)
            return TransitSample(carrier: "usps", service: "Ground Advantage", destinationRegion: destination,
                                 shippedAt: shipped, deliveredAt: delivered, timeZone: zone)
        }
    }

    private static let usps = DeliveryEstimator(history: history(200, transits: [2, 3, 3, 4, 2, 4, 3]))

    private static func request(shipped: String?, carrierEstimate: DeliveryWindow? = nil,
                                last: EstimateRequest.LastEvent? = nil, service: String? = "ground advantage",
                                destination: String? = "US-NY") -> EstimateRequest {
        EstimateRequest(carrier: "USPS", service: service, destinationRegion: destination,
                        shippedAt: shipped.map { at($0, 16) }, placedAt: at("2025-03-03", 9), timeZone: zone,
                        carrierEstimate: carrierEstimate, lastEvent: last)
    }

    private func window(_ earliest: String, _ latest: String) -> DeliveryWindow {
        DeliveryWindow(earliest: earliest, latest: latest)
    }

    @Test func aMondayShipmentGetsWednesdayToFriday() {
        let estimate = Self.usps.estimate(Self.request(shipped: "2025-03-03"), now: Self.at("2025-03-03", 17))
        #expect(estimate == Estimate(window: window("2025-03-05", "2025-03-07"), source: .history(sampleCount: 200)))
    }

    @Test func aFridayShipmentSkipsTheWeekend() {
        let estimate = Self.usps.estimate(Self.request(shipped: "2025-03-07"), now: Self.at("2025-03-07", 17))
        #expect(estimate?.window == window("2025-03-11", "2025-03-13"))
    }

    @Test func anOrderNotShippedYetAllowsADayToPack() {
        let estimate = Self.usps.estimate(Self.request(shipped: nil), now: Self.at("2025-03-03", 10))
        #expect(estimate?.window == window("2025-03-06", "2025-03-10"))
    }

    @Test func tooFewSamplesFallBackToTheCarrierThenToDefaults() {
        let thin = DeliveryEstimator(history: Self.history(14, transits: [1]))
        let carrier = window("2025-03-06", "2025-03-06")
        let now = Self.at("2025-03-03", 17)
        #expect(thin.estimate(Self.request(shipped: "2025-03-03", carrierEstimate: carrier), now: now)
            == Estimate(window: carrier, source: .carrier))
        let defaults = thin.estimate(Self.request(shipped: "2025-03-03"), now: now)
        let legacy = DeliveryWindow.estimate(from: Self.at("2025-03-03", 16), shipped: true, carrier: "USPS", timeZone: Self.zone)
        #expect(defaults == Estimate(window: legacy, source: .defaults))
        #expect(thin.estimate(Self.request(shipped: nil), now: now)?.window
            == DeliveryWindow.estimate(from: Self.at("2025-03-03", 9), shipped: false, carrier: "USPS", timeZone: Self.zone))
    }

    @Test func anExpressServiceWithoutHistoryGetsExpressDefaults() {
        let estimate = DeliveryEstimator(history: []).estimate(
            Self.request(shipped: "2025-03-03", service: "Priority Mail Express"), now: Self.at("2025-03-03", 17))
        #expect(estimate == Estimate(window: window("2025-03-04", "2025-03-05"), source: .defaults))
    }

    @Test func theMostSpecificGroupWithEnoughSamplesWins() {
        let toCalifornia = Self.history(30, transits: [4, 5], destination: "US-CA")
        let fridays = Self.history(25, transits: [3], weekdaysOnly: [4])
        let estimator = DeliveryEstimator(history: toCalifornia + Self.history(40, transits: [1, 2]) + fridays)
        let monday = Self.at("2025-03-03", 17), friday = Self.at("2025-03-07", 17)
        #expect(estimator.estimate(Self.request(shipped: "2025-03-03", destination: "us-ca"), now: monday)
            == Estimate(window: window("2025-03-07", "2025-03-10"), source: .history(sampleCount: 30)))
        // No destination: every Ground Advantage parcel counts.
        #expect(estimator.estimate(Self.request(shipped: "2025-03-03", destination: nil), now: monday)?.source
            == .history(sampleCount: 95))
        // Friday pickups to New York have their own lane only when origin is known (the weekday level).
        var lane = Self.request(shipped: "2025-03-07")
        lane.originRegion = "US-NJ"
        let withOrigin = fridays.map { var sample = $0; sample.originRegion = "US-NJ"; return sample }
        let weekdayAware = DeliveryEstimator(history: Self.history(40, transits: [1, 2]) + withOrigin)
        #expect(weekdayAware.estimate(lane, now: friday)
            == Estimate(window: window("2025-03-12", "2025-03-12"), source: .history(sampleCount: 25)))
    }

    @Test func theCarrierCanPushTheWindowLaterButNeverEarlier() {
        let now = Self.at("2025-03-03", 17)
        let merged = { (carrier: DeliveryWindow) in
            Self.usps.estimate(Self.request(shipped: "2025-03-03", carrierEstimate: carrier), now: now)?.window
        }
        #expect(merged(window("2025-03-06", "2025-03-06")) == window("2025-03-06", "2025-03-07"))
        #expect(merged(window("2025-03-10", "2025-03-10")) == window("2025-03-10", "2025-03-10"))
        #expect(merged(window("2025-03-04", "2025-03-04")) == window("2025-03-05", "2025-03-07"))
    }

    @Test func outForDeliveryCollapsesTheWindowToThatDay() {
        let van = EstimateRequest.LastEvent(status: .outForDelivery, occurredAt: Self.at("2025-03-04", 8))
        let estimate = Self.usps.estimate(Self.request(shipped: "2025-03-03", last: van), now: Self.at("2025-03-04", 9))
        #expect(estimate == Estimate(window: window("2025-03-04", "2025-03-04"), source: .outForDelivery))
        // Still "out" on Monday after a Friday van run: try again that Monday.
        let friday = EstimateRequest.LastEvent(status: .outForDelivery, occurredAt: Self.at("2025-03-07", 8))
        #expect(Self.usps.estimate(Self.request(shipped: "2025-03-03", last: friday), now: Self.at("2025-03-10", 9))?.window
            == window("2025-03-10", "2025-03-10"))
    }

    @Test func aDeliveredOrExpiredParcelHasNoWindow() {
        for status in [ShipmentStatus.delivered, .expired] {
            let last = EstimateRequest.LastEvent(status: status, occurredAt: Self.at("2025-03-05", 11))
            #expect(Self.usps.estimate(Self.request(shipped: "2025-03-03", last: last), now: Self.at("2025-03-05", 12)) == nil)
        }
    }

    @Test func aPassedWindowIsReEstimatedFromToday() {
        let late = EstimateRequest.LastEvent(status: .inTransit, occurredAt: Self.at("2025-03-07", 8))
        let estimate = Self.usps.estimate(Self.request(shipped: "2025-03-03", last: late), now: Self.at("2025-03-11", 9))
        #expect(estimate == Estimate(window: window("2025-03-13", "2025-03-17"), source: .history(sampleCount: 200)))
        // A carrier promise that is already over is ignored rather than shown.
        let stale = Self.usps.estimate(Self.request(shipped: "2025-03-03", carrierEstimate: window("2025-03-10", "2025-03-10")),
                                       now: Self.at("2025-03-11", 9))
        #expect(stale?.window == window("2025-03-13", "2025-03-17"))
        // Still inside the window: unchanged.
        #expect(Self.usps.estimate(Self.request(shipped: "2025-03-03"), now: Self.at("2025-03-07", 20))?.window
            == window("2025-03-05", "2025-03-07"))
    }

    @Test func implausibleSamplesAreIgnored() {
        var broken = Self.history(20, transits: [2])
        broken[0].deliveredAt = broken[0].shippedAt.addingTimeInterval(-86_400)
        broken[1].deliveredAt = broken[1].shippedAt.addingTimeInterval(90 * 86_400)
        let now = Self.at("2025-03-03", 17)
        #expect(DeliveryEstimator(history: broken).estimate(Self.request(shipped: "2025-03-03"), now: now)
            == Estimate(window: window("2025-03-05", "2025-03-05"), source: .history(sampleCount: 18)))
        #expect(DeliveryEstimator(history: broken, settings: .init(minimumSamples: 19))
            .estimate(Self.request(shipped: "2025-03-03"), now: now)?.source == .defaults)
    }
}
