import Foundation

/// Timestamps and calendar days as providers write them. Parsed by hand rather than with a
/// formatter because each provider bends ISO 8601 differently (fraction or not, offset or not,
/// UPS's compact digits) and a hostile body must never trap on an out-of-range field.
enum WebhookTime {
    /// "2024-08-02T19:26:52Z", "…52.000Z", "…52-04:00", "…52+0530", "2024-05-29T08:12:00".
    /// Without an offset the time is taken as UTC: the provider gave nothing better.
    static func instant(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 16, let day = civilDay(bytes, 0, dashed: true),
              bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
              let hour = number(bytes, 11, 2), bytes[13] == UInt8(ascii: ":"), let minute = number(bytes, 14, 2)
        else { return nil }
        var index = 16
        var second = 0
        var fraction = 0.0
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            guard let parsed = number(bytes, index + 1, 2) else { return nil }
            second = parsed
            index += 3
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ",") {
                index += 1
                var scale = 0.1
                let start = index
                while index < bytes.count, let digit = digit(bytes[index]) {
                    fraction += Double(digit) * scale
                    scale /= 10
                    index += 1
                }
                guard index > start else { return nil }
            }
        }
        guard hour < 24, minute < 60, second < 61, let offset = offset(bytes[index...]) else { return nil }
        return date(day: day, seconds: hour * 3600 + minute * 60 + second, offset: offset, fraction: fraction)
    }

    /// UPS's "20240423" + "095004", at a UTC offset in seconds.
    static func compact(date: String, time: String, offsetSeconds: Int = 0) -> Date? {
        let dateBytes = Array(date.utf8), timeBytes = Array(time.utf8)
        guard dateBytes.count == 8, timeBytes.count == 6, let day = civilDay(dateBytes, 0, dashed: false),
              let hour = number(timeBytes, 0, 2), let minute = number(timeBytes, 2, 2),
              let second = number(timeBytes, 4, 2), hour < 24, minute < 60, second < 61
        else { return nil }
        return self.date(day: day, seconds: hour * 3600 + minute * 60 + second, offset: offsetSeconds, fraction: 0)
    }

    /// "+HH:MM" / "-HHMM" / "Z" as seconds east of UTC.
    static func offsetSeconds(_ text: String) -> Int? {
        offset(Array(text.utf8)[...])
    }

    /// The calendar day a provider wrote, as "YYYY-MM-DD": from "2024-08-05", "2024-08-05T00:00:00Z"
    /// or UPS's "20240805". The date part is kept as written, never shifted across time zones,
    /// because it is the carrier's promise for the destination.
    static func day(_ text: String) -> String? {
        let bytes = Array(text.trimmingCharacters(in: .whitespaces).utf8)
        if bytes.count == 8, let day = civilDay(bytes, 0, dashed: false) { return format(day) }
        guard bytes.count == 10 || (bytes.count > 10 && (bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "))),
              let day = civilDay(bytes, 0, dashed: true) else { return nil }
        return format(day)
    }

    private struct CivilDay {
        var year: Int, month: Int, day: Int
    }

    private static func civilDay(_ bytes: [UInt8], _ start: Int, dashed: Bool) -> CivilDay? {
        let step = dashed ? 1 : 0
        guard bytes.count >= start + 8 + 2 * step, let year = number(bytes, start, 4),
              !dashed || bytes[start + 4] == UInt8(ascii: "-"), let month = number(bytes, start + 4 + step, 2),
              !dashed || bytes[start + 7] == UInt8(ascii: "-"), let day = number(bytes, start + 6 + 2 * step, 2),
              (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year)
        else { return nil }
        return CivilDay(year: year, month: month, day: day)
    }

    /// Nothing (UTC), "Z", "+05", "+0530" or "+05:30", as seconds east of UTC.
    private static func offset(_ rest: ArraySlice<UInt8>) -> Int? {
        let bytes = Array(rest)
        if bytes.isEmpty { return 0 }
        if bytes.count == 1 { return bytes[0] == UInt8(ascii: "Z") || bytes[0] == UInt8(ascii: "z") ? 0 : nil }
        guard bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-"), let hours = number(bytes, 1, 2) else { return nil }
        let minutes: Int?
        switch bytes.count {
        case 3: minutes = 0
        case 5: minutes = number(bytes, 3, 2)
        case 6 where bytes[3] == UInt8(ascii: ":"): minutes = number(bytes, 4, 2)
        default: minutes = nil
        }
        guard let minutes, hours < 24, minutes < 60 else { return nil }
        return (bytes[0] == UInt8(ascii: "-") ? -1 : 1) * (hours * 3600 + minutes * 60)
    }

    private static func date(day: CivilDay, seconds: Int, offset: Int, fraction: Double) -> Date {
        let epochSeconds = daysFromEpoch(day) * 86_400 + seconds - offset
        return Date(timeIntervalSince1970: Double(epochSeconds) + fraction)
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's days_from_civil).
    private static func daysFromEpoch(_ day: CivilDay) -> Int {
        let year = day.month <= 2 ? day.year - 1 : day.year
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (day.month + (day.month > 2 ? -3 : 9)) + 2) / 5 + day.day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func format(_ day: CivilDay) -> String {
        String(format: "%04d-%02d-%02d", day.year, day.month, day.day)
    }

    private static func number(_ bytes: [UInt8], _ start: Int, _ length: Int) -> Int? {
        guard start >= 0, start + length <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[start..<start + length] {
            guard let digit = digit(byte) else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    private static func digit(_ byte: UInt8) -> Int? {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int(byte - UInt8(ascii: "0")) : nil
    }
}
