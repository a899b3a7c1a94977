import Foundation

/// The HTTP `Retry-After` header (RFC 9110 §10.2.3): seconds to wait, or a date to wait until.
enum RetryAfter {
    /// A carrier asking us to wait a day is treating a blip like an outage; past this the breaker
    /// and the ordinary cadence decide, instead of one header parking every job for a day.
    static let maximumWait: TimeInterval = 3_600

    /// When to try again, never before `now` and never more than `cap` after it; nil when the
    /// value is missing or unreadable, so the caller falls back to its own backoff.
    static func parse(_ header: String?, now: Date, cap: TimeInterval = maximumWait) -> Date? {
        guard let value = header?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        let latest = now.addingTimeInterval(max(cap, 0))
        if value.allSatisfy({ $0.isASCII && $0.isNumber }) {
            // Saturate rather than overflow: 99999999999999999999 seconds still just means "the cap".
            let seconds = Double(value) ?? .infinity
            return min(now.addingTimeInterval(min(seconds, max(cap, 0))), latest)
        }
        guard let date = httpDate(value, now: now) else { return nil }
        return min(max(date, now), latest)
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun",
                                 "jul", "aug", "sep", "oct", "nov", "dec"]

    /// The three forms recipients must accept:
    /// IMF-fixdate "Sun, 06 Nov 1994 08:49:37 GMT", RFC 850 "Sunday, 06-Nov-94 08:49:37 GMT"
    /// and asctime "Sun Nov  6 08:49:37 1994". Parsed by hand so no locale or formatter state is involved.
    static func httpDate(_ text: String, now: Date) -> Date? {
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "-" }).map(String.init)
        let day: String, month: String, year: String, time: String
        switch tokens.count {
        case 6 where tokens[5] == "GMT":
            (day, month, year, time) = (tokens[1], tokens[2], tokens[3], tokens[4])
        case 5:
            (month, day, time, year) = (tokens[1], tokens[2], tokens[3], tokens[4])
        default:
            return nil
        }
        guard tokens[0].allSatisfy(\.isLetter),
              let monthIndex = months.firstIndex(of: month.lowercased()),
              let dayNumber = Int(day), day.count <= 2,
              var yearNumber = Int(year), year.count == 2 || year.count == 4
        else { return nil }
        let clock = time.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
        guard clock.count == 3, let hour = clock[0], let minute = clock[1], let second = clock[2],
              (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second)
        else { return nil }
        if year.count == 2 {
            // RFC 9110: a two-digit year more than 50 years ahead belongs to the previous century.
            let thisYear = 1970 + Int(now.timeIntervalSince1970 / 31_556_952)
            yearNumber += 2000
            if yearNumber > thisYear + 50 { yearNumber -= 100 }
        }
        guard (1...daysIn(month: monthIndex + 1, year: yearNumber)).contains(dayNumber) else { return nil }
        let days = daysSinceEpoch(year: yearNumber, month: monthIndex + 1, day: dayNumber)
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3_600 + minute * 60 + second))
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }

    /// Proleptic Gregorian civil date to days since 1970-01-01 (Howard Hinnant's days_from_civil).
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
