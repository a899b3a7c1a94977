import Foundation

/// Deliveries per day on the dashboard home, drawn as a small bar chart (see `svg`).
struct DeliveriesChart: Sendable, Equatable {
    struct Day: Sendable, Equatable {
        /// "YYYY-MM-DD" in the store's time zone.
        var day: String
        var count: Int
    }

    /// More than a year of daily bars is unreadable; the cap also stops a bad date range from
    /// turning into a very long loop.
    static let maximumDays = 366

    var days: [Day]
    var width: Int
    var height: Int
    var title: String
    /// Prefix for the ids that `aria-labelledby` points at; must be unique on the page.
    var idPrefix: String

    init(days: [Day], width: Int = 600, height: Int = 160,
         title: String = "Deliveries per day", idPrefix: String = "deliveries-chart") {
        self.days = days.map { Day(day: $0.day, count: max(0, $0.count)) }
        self.width = max(width, 120)
        self.height = max(height, 60)
        self.title = title
        self.idPrefix = idPrefix
    }

    var total: Int { days.reduce(0) { $0 + $1.count } }

    /// The day with the most deliveries; on a tie the most recent, which is the one people remember.
    var busiest: Day? {
        days.enumerated().max { ($0.element.count, $0.offset) < ($1.element.count, $1.offset) }?.element
    }

    /// "312 deliveries in the last 30 days, most on Tue 10 Nov (24)." Read by screen readers in
    /// place of the bars, so it carries the numbers a sighted merchant would take from the picture.
    /// Assumes the days end today, which is how the dashboard asks for them.
    var summary: String {
        guard let busiest else { return "No deliveries to show yet." }
        if days.count == 1 { return "\(Self.deliveries(total)) on \(Self.longLabel(busiest.day))." }
        let period = "in the last \(days.count) days"
        guard total > 0 else { return "No deliveries \(period)." }
        return "\(Self.deliveries(total)) \(period), most on \(Self.longLabel(busiest.day)) (\(busiest.count))."
    }

    /// Every calendar day from the day of `start` through the day of `end` (both included) in
    /// `timeZone`, with zero where `counts` has nothing, so quiet days show as gaps instead of
    /// disappearing. Days outside the range are ignored.
    static func fillDays(_ counts: [String: Int], from start: Date, to end: Date, timeZone: TimeZone = .gmt) -> [Day] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let lastDay = DeliveryWindow.dayString(end, timeZone)
        // Stepping from noon keeps every step on the intended day across daylight-saving changes.
        var current = calendar.date(bySettingHour: 12, minute: 0, second: 0, of: start) ?? start
        var result: [Day] = []
        while result.count < maximumDays {
            let day = DeliveryWindow.dayString(current, timeZone)
            guard day <= lastDay else { break }
            result.append(Day(day: day, count: counts[day] ?? 0))
            guard let next = calendar.date(byAdding: .day, value: 1, to: current) else { break }
            current = next
        }
        return result
    }

    /// The `count` days ending with today (in `timeZone`), zeros included: what "the last 30 days"
    /// in the summary means.
    static func lastDays(_ count: Int, endingAt now: Date, timeZone: TimeZone = .gmt, counts: [String: Int]) -> [Day] {
        guard count > 0 else { return [] }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let start = calendar.date(byAdding: .day, value: -(min(count, maximumDays) - 1), to: now) ?? now
        return fillDays(counts, from: start, to: now, timeZone: timeZone)
    }

    static func deliveries(_ count: Int) -> String {
        count == 1 ? "1 delivery" : "\(count) deliveries"
    }

    /// "Tue 10 Nov". Day strings are already local dates, so they are read and written in UTC.
    static func longLabel(_ day: String) -> String {
        guard let date = DeliveryWindow.date(fromDay: day, in: .gmt) else { return day }
        return "\(dateText.shortDay(date)) \(dateText.shortMonth(date))"
    }

    /// "10 Nov", under the first and last bars.
    static func shortLabel(_ day: String) -> String {
        guard let date = DeliveryWindow.date(fromDay: day, in: .gmt) else { return day }
        return dateText.dayAndMonth(date)
    }

    private static let dateText = DateText(locale: "en", timeZone: .gmt)
}
