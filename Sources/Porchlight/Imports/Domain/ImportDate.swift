import Foundation

/// Dates as stores export them: full ISO 8601 with a zone, or a day or local time (`2026-11-20`,
/// `2026-11-20 14:30`) read in the order's time zone. Slashed dates are refused: 03/04 is March in one
/// country and April in the next.
enum ImportDate {
    static func parse(_ text: String, zone: TimeZone) -> Date? {
        // Local forms first: they are the common ones in exports, and cheap to rule out for the rest.
        localDate(text, zone: zone) ?? JSONCoding.parseDate(text)
    }

    private static func localDate(_ text: String, zone: TimeZone) -> Date? {
        let parts = text.split(whereSeparator: { $0 == "T" || $0 == " " }).map(String.init)
        guard (1...2).contains(parts.count) else { return nil }
        let day = parts[0].split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard day.count == 3, parts[0].count == 10, let year = day[0], let month = day[1], let dayOfMonth = day[2] else {
            return nil
        }
        var time: [Int?] = [0, 0, 0]
        if parts.count == 2 {
            let clock = parts[1].split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
            guard (2...3).contains(clock.count) else { return nil }
            time = clock + (clock.count == 2 ? [0] : [])
        }
        guard let hour = time[0], let minute = time[1], let second = time[2],
              (0..<24).contains(hour), (0..<60).contains(minute), (0..<60).contains(second) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(year: year, month: month, day: dayOfMonth, hour: hour, minute: minute, second: second)
        // Calendar quietly rolls 2026-02-30 over into March; a date that doesn't exist is a typo.
        guard components.isValidDate(in: calendar), let date = calendar.date(from: components) else { return nil }
        return date
    }
}
