import Foundation

/// One delivered shipment for `edd-report`: the window the customer was shown when it shipped,
/// and the day it actually arrived ("yyyy-MM-dd", destination's calendar).
struct AccuracyRow: Sendable, Equatable {
    var promised: DeliveryWindow
    var deliveredDay: String
    var carrier: String
}

/// How well promised windows held up. Width is in calendar days, both ends included, weekends
/// too (a one-day window has width 1; Fri–Mon is 4): that is how long the customer waits and wonders.
struct AccuracyReport: Sendable, Equatable {
    struct Line: Sendable, Equatable {
        var carrier: String
        var count: Int
        var insideShare: Double
        var earlyShare: Double
        var lateShare: Double
        /// Middle of the sorted widths; the mean of the two middle ones for an even count.
        var medianWidthDays: Double
        /// Nearest-rank 90th percentile.
        var p90WidthDays: Int
    }

    static let goalInsideShare = 0.9
    static let goalMedianWidthDays = 3.0

    var count: Int { overall.count }
    var insideShare: Double { overall.insideShare }
    var earlyShare: Double { overall.earlyShare }
    var lateShare: Double { overall.lateShare }
    var medianWidthDays: Double { overall.medianWidthDays }
    var p90WidthDays: Int { overall.p90WidthDays }
    var overall: Line
    /// Most shipments first.
    var perCarrier: [Line]

    var meetsGoal: Bool {
        count > 0 && insideShare >= Self.goalInsideShare && medianWidthDays <= Self.goalMedianWidthDays
    }

    /// Rows whose days do not parse are left out rather than guessed at.
    init(rows: [AccuracyRow]) {
        let parsed = rows.compactMap(Measured.init)
        overall = Self.line("All", parsed)
        perCarrier = Dictionary(grouping: parsed, by: \.carrier)
            .map { Self.line($0.key, $0.value) }
            .sorted { ($1.count, $0.carrier) < ($0.count, $1.carrier) }
    }

    func render() -> String {
        guard count > 0 else { return "No delivered shipments with a promised window yet.\n" }
        let header = ["Carrier", "Shipments", "Inside", "Early", "Late", "Median width", "P90 width"]
        let body = (perCarrier + [overall]).map { line in
            [line.carrier, "\(line.count)", Self.percent(line.insideShare), Self.percent(line.earlyShare),
             Self.percent(line.lateShare), Self.days(line.medianWidthDays), Self.days(Double(line.p90WidthDays))]
        }
        let widths = header.indices.map { column in ([header] + body).map { $0[column].count }.max() ?? 0 }
        let format = { (cells: [String]) in
            cells.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
        let rule = String(repeating: "-", count: widths.reduce(0, +) + 2 * (widths.count - 1))
        var lines = ["Delivery windows shown at ship time vs. actual delivery day", "", format(header), rule]
        lines += body.dropLast().map(format) + [rule, format(body[body.count - 1]), ""]
        let goal = "Goal: at least 90% inside and a median width of 3 days or less"
        lines.append("\(goal): \(meetsGoal ? "met" : "not met").")
        lines.append("Width counts calendar days, both ends included (a one-day window is 1 day).")
        return lines.joined(separator: "\n") + "\n"
    }

    private struct Measured {
        var carrier: String
        var offset: Int   // < 0 early, 0 inside, > 0 late
        var width: Int

        init?(_ row: AccuracyRow) {
            guard let first = CalendarDay(row.promised.earliest), let last = CalendarDay(row.promised.latest),
                  let day = CalendarDay(row.deliveredDay), first <= last else { return nil }
            carrier = row.carrier
            offset = day < first ? -1 : (day > last ? 1 : 0)
            width = last.number - first.number + 1
        }
    }

    private static func line(_ carrier: String, _ rows: [Measured]) -> Line {
        let n = rows.count
        guard n > 0 else {
            return Line(carrier: carrier, count: 0, insideShare: 0, earlyShare: 0, lateShare: 0,
                        medianWidthDays: 0, p90WidthDays: 0)
        }
        let share = { (offset: Int) in Double(rows.count { $0.offset == offset }) / Double(n) }
        let widths = rows.map(\.width).sorted()
        let median = n % 2 == 1 ? Double(widths[n / 2]) : Double(widths[n / 2 - 1] + widths[n / 2]) / 2
        let p90 = widths[max(Int((0.9 * Double(n) - 1e-9).rounded(.up)) - 1, 0)]
        return Line(carrier: carrier, count: n, insideShare: share(0), earlyShare: share(-1), lateShare: share(1),
                    medianWidthDays: median, p90WidthDays: p90)
    }

    private static func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }

    private static func days(_ value: Double) -> String {
        let text = value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
        return text + (value == 1 ? " day" : " days")
    }
}
