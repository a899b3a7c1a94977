import Foundation

/// Dates as customers read them, in their language and time zone.
struct DateText: Sendable {
    let locale: Locale
    let language: String
    let timeZone: TimeZone
    private var calendar: Calendar

    init(locale: String?, timeZone: TimeZone) {
        self.language = LocaleChoice.language(locale)
        self.locale = Locale(identifier: LocaleChoice.formattingIdentifier(locale))
        self.timeZone = timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.locale = self.locale
        self.calendar = calendar
    }

    private func verbatim(_ format: Date.FormatString) -> Date.VerbatimFormatStyle {
        Date.VerbatimFormatStyle(format: format, locale: locale, timeZone: timeZone, calendar: calendar)
    }

    /// "Tue 24"
    func shortDay(_ date: Date) -> String {
        date.formatted(verbatim("\(weekday: .abbreviated) \(day: .defaultDigits)"))
    }

    /// "Nov"
    func shortMonth(_ date: Date) -> String {
        date.formatted(verbatim("\(month: .abbreviated)"))
    }

    /// "Saturday"
    func weekday(_ date: Date) -> String {
        date.formatted(verbatim("\(weekday: .wide)"))
    }

    /// "14 Nov"
    func dayAndMonth(_ date: Date) -> String {
        date.formatted(verbatim("\(day: .defaultDigits) \(month: .abbreviated)"))
    }

    /// "Saturday 21 November"
    func longDay(_ date: Date) -> String {
        date.formatted(verbatim("\(weekday: .wide) \(day: .defaultDigits) \(month: .wide)"))
    }

    /// "November 22, 2026" or "22 de noviembre de 2026"
    func longDate(_ date: Date) -> String {
        date.formatted(Date.FormatStyle(date: .long, time: .omitted, locale: locale, calendar: calendar, timeZone: timeZone))
    }

    /// "10:42"
    func time(_ date: Date) -> String {
        date.formatted(verbatim("\(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits)"))
    }

    func isSameDay(_ a: Date, _ b: Date) -> Bool { calendar.isDate(a, inSameDayAs: b) }

    func daysBetween(_ earlier: Date, _ later: Date) -> Int {
        let start = calendar.startOfDay(for: earlier), end = calendar.startOfDay(for: later)
        return calendar.dateComponents([.day], from: start, to: end).day ?? 0
    }

    func startOfDay(_ date: Date) -> Date { calendar.startOfDay(for: date) }

    /// "Tue 24 – Thu 26 Nov", "Mon 30 Nov – Wed 2 Dec" or "Tue 24 Nov".
    func window(_ window: DeliveryWindow) -> String? {
        guard let first = DeliveryWindow.date(fromDay: window.earliest, in: timeZone),
              let last = DeliveryWindow.date(fromDay: window.latest, in: timeZone) else { return nil }
        if isSameDay(first, last) { return "\(shortDay(first)) \(shortMonth(first))" }
        let sameMonth = shortMonth(first) == shortMonth(last)
        let start = sameMonth ? shortDay(first) : "\(shortDay(first)) \(shortMonth(first))"
        return "\(start) – \(shortDay(last)) \(shortMonth(last))"
    }
}
