import Foundation
import Testing
@testable import Porchlight

@Suite struct TransitSampleTests {
    private let newYork = TimeZone(identifier: "America/New_York")!
    private let losAngeles = TimeZone(identifier: "America/Los_Angeles")!

    private func at(_ day: String, _ hour: Int, _ zone: TimeZone) -> Date {
        DeliveryWindow.date(fromDay: day, in: zone)!.addingTimeInterval(Double(hour - 12) * 3600)
    }

    private func sample(_ shipped: Date, _ delivered: Date, _ zone: TimeZone) -> TransitSample {
        TransitSample(carrier: "usps", shippedAt: shipped, deliveredAt: delivered, timeZone: zone)
    }

    @Test func countsBusinessDaysFromTheShipDay() {
        // 2025-03-03 is a Monday.
        #expect(sample(at("2025-03-03", 16, newYork), at("2025-03-05", 11, newYork), newYork).transitBusinessDays == 2)
        #expect(sample(at("2025-03-03", 9, newYork), at("2025-03-03", 18, newYork), newYork).transitBusinessDays == 0)
        #expect(sample(at("2025-03-07", 16, newYork), at("2025-03-10", 11, newYork), newYork).transitBusinessDays == 1)
        #expect(sample(at("2025-03-08", 10, newYork), at("2025-03-10", 11, newYork), newYork).transitBusinessDays == 1)
    }

    @Test func aWeekendDeliveryCountsAsTheFollowingMonday() {
        // Friday to Saturday: a window built from "1 business day" (Monday) must not end before it.
        #expect(sample(at("2025-03-07", 16, newYork), at("2025-03-08", 11, newYork), newYork).transitBusinessDays == 1)
        #expect(sample(at("2025-03-06", 16, newYork), at("2025-03-09", 11, newYork), newYork).transitBusinessDays == 2)
    }

    @Test func daysAreTheDestinationsDays() {
        // 23:30 Tuesday in Los Angeles is already Wednesday in New York.
        let shipped = at("2025-03-03", 15, losAngeles)
        let delivered = at("2025-03-04", 23, losAngeles).addingTimeInterval(1800)
        #expect(sample(shipped, delivered, losAngeles).transitBusinessDays == 1)
        #expect(sample(shipped, delivered, newYork).transitBusinessDays == 2)
        #expect(sample(at("2025-03-07", 22, losAngeles), delivered, newYork).shipWeekday == 7)
    }

    @Test func regionsAreCountryAndRegionOrCountryAlone() {
        #expect(TransitSample.region(country: "us", region: " ca ") == "US-CA")
        #expect(TransitSample.region(country: "FR", region: nil) == "FR")
        #expect(TransitSample.region(country: nil, region: "CA") == nil)
        #expect(TransitSample.region(of: PostalAddress(region: "ON", country: "CA")) == "CA-ON")
        #expect(TransitSample.region(of: nil) == nil)
    }

    @Test func calendarDayMatchesDeliveryWindowArithmetic() {
        let zones = [newYork, losAngeles, TimeZone(identifier: "Pacific/Auckland")!, TimeZone(identifier: "UTC")!]
        for zone in zones {
            // Two years of starts, every 7 hours, crossing DST changes and a leap day.
            var date = at("2023-12-25", 0, zone)
            for _ in 0..<2_500 {
                let day = CalendarDay(date, in: zone)
                #expect(day.string == DeliveryWindow.dayString(date, zone))
                #expect(CalendarDay(day.string) == day)
                for days in [0, 1, 3, 6] {
                    let expected = DeliveryWindow.dayString(DeliveryWindow.addBusinessDays(days, to: date, in: zone), zone)
                    #expect(day.addingBusinessDays(days).string == expected)
                }
                date = date.addingTimeInterval(7 * 3600)
            }
        }
        #expect(CalendarDay("2025-13-01") == nil)
        #expect(CalendarDay("soon") == nil)
    }
}
