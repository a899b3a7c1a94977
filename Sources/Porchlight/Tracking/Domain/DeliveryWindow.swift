import Foundation

/// The calendar days a parcel is expected to arrive between, in the customer's time zone.
struct DeliveryWindow: Sendable, Equatable, Codable {
    /// "YYYY-MM-DD"
    var earliest: String
    var latest: String

    /// Until carriers report their own estimates, count business days from when the parcel left
    /// (or from the order, with a day to pack) using typical domestic transit times.
    static func estimate(from start: Date, shipped: Bool, carrier: String?, timeZone: TimeZone) -> DeliveryWindow {
        let transit = typicalTransitDays(carrier: carrier)
        let handling = shipped ? 0 : 1
        let earliest = addBusinessDays(handling + transit.lowerBound, to: start, in: timeZone)
        let latest = addBusinessDays(handling + transit.upperBound, to: start, in: timeZone)
        return DeliveryWindow(earliest: dayString(earliest, timeZone), latest: dayString(latest, timeZone))
    }

    /// The part of the window still ahead of `today` ("YYYY-MM-DD"); nil once it has passed,
    /// so a page never promises a day that is already over.
    func remaining(from today: String) -> DeliveryWindow? {
        guard latest >= today else { return nil }
        return DeliveryWindow(earliest: max(earliest, today), latest: latest)
    }

    static func typicalTransitDays(carrier: String?) -> ClosedRange<Int> {
        switch carrier?.lowercased() ?? "" {
        case let name where name.contains("express") || name.contains("overnight"): return 1...2
        case "ups", "fedex", "dhl": return 2...4
        default: return 2...5
        }
    }

    static func addBusinessDays(_ days: Int, to start: Date, in timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var date = start
        var remaining = days
        while remaining > 0 {
            date = calendar.date(byAdding: .day, value: 1, to: date) ?? date
            if !calendar.isDateInWeekend(date) { remaining -= 1 }
        }
        return date
    }

    static func dayString(_ date: Date, _ timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// Noon on that day in the zone, so formatting never slips across midnight.
    static func date(fromDay day: String, in timeZone: TimeZone) -> Date? {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: 12))
    }
}
