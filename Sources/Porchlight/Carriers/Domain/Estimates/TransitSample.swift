import Foundation

/// One delivered shipment from the store's own history: what the estimator learns from.
struct TransitSample: Sendable, Equatable {
    /// Our carrier code ("ups", "usps", ...); matched case-insensitively.
    var carrier: String
    var service: String?
    /// "US-CA" (country and region) or "US" (country only); see `region(country:region:)`.
    var originRegion: String?
    var destinationRegion: String?
    var shippedAt: Date
    var deliveredAt: Date
    /// The destination's zone: "which day did it arrive" is the customer's day, not the warehouse's.
    var timeZone: TimeZone

    /// Business days (Mon–Fri) from the ship day to the delivery day at the destination.
    var transitBusinessDays: Int {
        CalendarDay(shippedAt, in: timeZone).businessDays(to: CalendarDay(deliveredAt, in: timeZone))
    }

    /// 1 = Sunday … 7 = Saturday, as `Calendar` numbers them, on the destination's calendar.
    var shipWeekday: Int { CalendarDay(shippedAt, in: timeZone).weekday }

    /// "US-CA" from ("us", "ca"), "US" when the region is unknown, nil without a country.
    static func region(country: String?, region: String?) -> String? {
        let clean = { (text: String?) in text?.trimmingCharacters(in: .whitespacesAndNewlines).uppercased() ?? "" }
        let country = clean(country), region = clean(region)
        guard !country.isEmpty else { return nil }
        return region.isEmpty ? country : "\(country)-\(region)"
    }

    static func region(of address: PostalAddress?) -> String? {
        region(country: address?.country, region: address?.region)
    }
}

/// A calendar day in some zone, as days since 1970-01-01. The estimator does business-day sums
/// thousands of times per report, so this keeps them integer maths instead of `Calendar` calls.
/// Its arithmetic matches `DeliveryWindow.addBusinessDays` and `dayString` exactly.
struct CalendarDay: Sendable, Hashable, Comparable {
    var number: Int

    init(number: Int) { self.number = number }

    init(_ date: Date, in timeZone: TimeZone) {
        let local = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
        number = Int((local / 86_400).rounded(.down))
    }

    /// "yyyy-MM-dd"; nil for anything else.
    init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        // Days-from-civil (H. Hinnant): proleptic Gregorian, exact for any year.
        let year = m <= 2 ? y - 1 : y
        let era = (year >= 0 ? year : year - 399) / 400
        let yoe = year - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        number = era * 146_097 + doe - 719_468
    }

    var string: String {
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return "\(Self.padded(year, 4))-\(Self.padded(month, 2))-\(Self.padded(day, 2))"
    }

    /// `String(format:)` is slow on Linux, and this runs for every window of every estimate.
    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(width - digits.count, 0)) + digits
    }

    /// 1 = Sunday … 7 = Saturday; day 0 (1970-01-01) was a Thursday.
    var weekday: Int { ((number + 4) % 7 + 7) % 7 + 1 }
    var isWeekend: Bool { weekday == 1 || weekday == 7 }

    func adding(days: Int) -> CalendarDay { CalendarDay(number: number + days) }

    /// The `days`-th weekday after this one (this day itself for 0), like `DeliveryWindow.addBusinessDays`.
    func addingBusinessDays(_ days: Int) -> CalendarDay {
        var day = self, remaining = days
        while remaining > 0 {
            day = day.adding(days: 1)
            if !day.isWeekend { remaining -= 1 }
        }
        return day
    }

    /// The fewest business days that reach `other`. A weekend delivery rounds up to the Monday,
    /// so a window built from this never ends before a day a parcel actually arrived.
    func businessDays(to other: CalendarDay) -> Int {
        var day = self, count = 0
        while day < other {
            day = day.adding(days: 1)
            if !day.isWeekend { count += 1 }
        }
        if day.isWeekend && day > self { count += 1 }
        return count
    }

    static func < (a: CalendarDay, b: CalendarDay) -> Bool { a.number < b.number }
}
