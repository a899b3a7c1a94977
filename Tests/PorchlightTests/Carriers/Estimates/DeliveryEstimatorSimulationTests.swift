import Foundation
import Testing
@testable import Porchlight

/// A store's year of shipping, made up but shaped like real parcels: lanes get slower with distance,
/// most parcels arrive on their lane's usual day or the day after, a few a day early, and a small
/// tail is days late (weather, missed scans, a hub backlog). USPS sometimes delivers on Saturday.
private enum SyntheticStore {
    struct Service {
        var carrier: String, name: String, share: Double
        /// Usual business days by distance band 0...3.
        var usual: [Int]
        /// Chances of arriving a day early, a day late, and in the late tail (2–5 days late).
        var early: Double, dayLate: Double, tail: Double
        var saturday: Bool
    }

    static let services = [
        Service(carrier: "usps", name: "Ground Advantage", share: 0.30, usual: [2, 3, 4, 5],
                early: 0.05, dayLate: 0.22, tail: 0.05, saturday: true),
        Service(carrier: "usps", name: "Priority Mail", share: 0.15, usual: [1, 2, 2, 3],
                early: 0.04, dayLate: 0.20, tail: 0.04, saturday: true),
        Service(carrier: "ups", name: "Ground", share: 0.25, usual: [1, 2, 3, 4],
                early: 0.03, dayLate: 0.12, tail: 0.04, saturday: false),
        Service(carrier: "ups", name: "2nd Day Air", share: 0.05, usual: [2, 2, 2, 2],
                early: 0.02, dayLate: 0.05, tail: 0.02, saturday: false),
        Service(carrier: "fedex", name: "Home Delivery", share: 0.15, usual: [1, 2, 3, 4],
                early: 0.04, dayLate: 0.15, tail: 0.04, saturday: false),
        Service(carrier: "dhl", name: "eCommerce", share: 0.10, usual: [3, 4, 5, 6],
                early: 0.06, dayLate: 0.25, tail: 0.07, saturday: false),
    ]

    /// Region, zone, and a west-to-east position; distance band = difference in position.
    static let regions: [(String, String, Int)] = [
        ("US-CA", "America/Los_Angeles", 0), ("US-WA", "America/Los_Angeles", 0), ("US-CO", "America/Denver", 1),
        ("US-TX", "America/Chicago", 2), ("US-IL", "America/Chicago", 2), ("US-FL", "America/New_York", 3),
        ("US-NY", "America/New_York", 3), ("US-NJ", "America/New_York", 3),
    ]

    static func history(count: Int, seed: UInt64) -> [TransitSample] {
        var rng = SplitMix64(seed: seed)
        let firstDay = CalendarDay("2024-01-01")!
        let total = services.map(\.share).reduce(0, +)
        return (0..<count).map { index in
            var pick = Double.random(in: 0..<total, using: &rng)
            let service = services.first { pick -= $0.share; return pick < 0 } ?? services[0]
            let origin = Double.random(in: 0..<1, using: &rng) < 0.7 ? regions[0] : regions[7]
            let destination = regions.randomElement(using: &rng)!
            let zone = TimeZone(identifier: destination.1)!
            // Parcels leave in order over a year, on weekdays and the odd Saturday.
            var shipDay = firstDay.adding(days: index * 365 / count)
            if shipDay.weekday == 1 || (shipDay.weekday == 7 && Double.random(in: 0..<1, using: &rng) > 0.3) {
                shipDay = shipDay.addingBusinessDays(1)
            }
            let usual = service.usual[abs(origin.2 - destination.2)]
            let roll = Double.random(in: 0..<1, using: &rng)
            let transit = roll < service.early ? max(usual - 1, 0)
                : roll < service.early + service.dayLate ? usual + 1
                : roll < service.early + service.dayLate + service.tail ? usual + Int.random(in: 2...5, using: &rng)
                : usual
            var deliveredDay = shipDay.addingBusinessDays(transit)
            if service.saturday, deliveredDay.weekday == 2, deliveredDay.adding(days: -2) > shipDay,
               Double.random(in: 0..<1, using: &rng) < 0.15 {
                deliveredDay = deliveredDay.adding(days: -2)
            }
            let shippedAt = time(shipDay, hour: Int.random(in: 13...18, using: &rng), zone)
            let deliveredAt = time(deliveredDay, hour: Int.random(in: 9...19, using: &rng), zone)
            return TransitSample(carrier: service.carrier, service: service.name, originRegion: origin.0,
                                 destinationRegion: destination.0, shippedAt: shippedAt, deliveredAt: deliveredAt,
                                 timeZone: zone)
        }
    }

    static func time(_ day: CalendarDay, hour: Int, _ zone: TimeZone) -> Date {
        DeliveryWindow.date(fromDay: day.string, in: zone)!.addingTimeInterval(Double(hour - 12) * 3600)
    }

    /// Estimates each of the last 20% from the first 80%, as it would have been shown at ship time.
    static func holdOut(_ history: [TransitSample], settings: EstimatorSettings = .init()) -> AccuracyReport {
        let split = history.count * 4 / 5
        let estimator = DeliveryEstimator(history: Array(history[..<split]), settings: settings)
        let rows = history[split...].map { parcel in
            let request = EstimateRequest(carrier: parcel.carrier, service: parcel.service,
                                          originRegion: parcel.originRegion, destinationRegion: parcel.destinationRegion,
                                          shippedAt: parcel.shippedAt, placedAt: parcel.shippedAt.addingTimeInterval(-86_400),
                                          timeZone: parcel.timeZone)
            let promised = estimator.estimate(request, now: parcel.shippedAt)!.window
            return AccuracyRow(promised: promised, deliveredDay: CalendarDay(parcel.deliveredAt, in: parcel.timeZone).string,
                               carrier: parcel.carrier)
        }
        return AccuracyReport(rows: rows)
    }
}

@Suite struct DeliveryEstimatorSimulationTests {
    /// Settings were tuned on seeds 1–5; this seed was not looked at while tuning.
    /// It gave 92.0% inside (2.9% early, 5.1% late), median width 3 days, p90 5 days.
    @Test func heldOutParcelsMeetTheGoal() {
        let report = SyntheticStore.holdOut(SyntheticStore.history(count: 20_000, seed: 2026))
        #expect(report.count == 4_000)
        #expect(report.insideShare >= 0.9, "\(report.render())")
        #expect(report.medianWidthDays <= 3, "\(report.render())")
        #expect(report.meetsGoal)
    }

    /// A smaller store has thinner lanes, so more parcels fall back to broader groups.
    /// It gave 91.6% inside, median width 3 days.
    @Test func aSmallStoreStillMeetsTheGoal() {
        let report = SyntheticStore.holdOut(SyntheticStore.history(count: 5_000, seed: 7))
        #expect(report.insideShare >= 0.9, "\(report.render())")
        #expect(report.medianWidthDays <= 3, "\(report.render())")
    }

    /// Built once per store from up to ~50k deliveries, then asked thousands of times per report.
    @Test func isFastEnoughForAWholeStore() {
        let history = SyntheticStore.history(count: 60_000, seed: 9)
        let clock = ContinuousClock()
        var estimator: DeliveryEstimator?
        let build = clock.measure { estimator = DeliveryEstimator(history: Array(history[..<50_000])) }
        var windows = 0
        let estimate = clock.measure {
            for parcel in history[50_000...] {
                let request = EstimateRequest(carrier: parcel.carrier, service: parcel.service,
                                              originRegion: parcel.originRegion, destinationRegion: parcel.destinationRegion,
                                              shippedAt: parcel.shippedAt, placedAt: parcel.shippedAt, timeZone: parcel.timeZone)
                if estimator!.estimate(request, now: parcel.shippedAt) != nil { windows += 1 }
            }
        }
        #expect(windows == 10_000)
        // Generous bounds for unoptimised debug builds on a slow CI machine.
        #expect(build < .seconds(10), "build took \(build)")
        #expect(estimate < .seconds(10), "10k estimates took \(estimate)")
    }
}
