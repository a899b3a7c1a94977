import Foundation

/// The words and numbers `porchlight import` shows: the progress line it redraws and the summary at the end.
enum ImportReport {
    /// `[##########··········]  48%  96,000 rows  5,210 rows/s  0:18 left  2 errors`. How far along comes
    /// from bytes, since the number of rows is unknown until the end.
    static func progressLine(_ run: ImportRun, elapsed: TimeInterval, barWidth: Int = 24) -> String {
        var parts: [String] = []
        if let total = run.bytesTotal, total > 0 {
            let fraction = min(1, Double(run.counts.bytesDone) / Double(total))
            let filled = Int((fraction * Double(barWidth)).rounded(.down))
            parts.append("[" + String(repeating: "#", count: filled) + String(repeating: "·", count: barWidth - filled) + "]")
            parts.append(String(format: "%3d%%", Int((fraction * 100).rounded(.down))))
        }
        parts.append("\(grouped(run.counts.rowsDone)) rows")
        if let rate = rate(run.counts.rowsDone, elapsed) { parts.append("\(grouped(Int(rate.rounded()))) rows/s") }
        if run.status == .running, let left = secondsLeft(run, elapsed: elapsed) { parts.append("\(duration(left)) left") }
        if run.counts.errorCount > 0 {
            parts.append("\(grouped(run.counts.errorCount)) error\(run.counts.errorCount == 1 ? "" : "s")")
        }
        return parts.joined(separator: "  ")
    }

    /// Time left at the pace so far, from the share of the file's bytes already read.
    static func secondsLeft(_ run: ImportRun, elapsed: TimeInterval) -> TimeInterval? {
        guard let total = run.bytesTotal, total > 0, run.counts.bytesDone > 0, elapsed > 0 else { return nil }
        let done = Double(min(run.counts.bytesDone, total))
        return elapsed * (Double(total) - done) / done
    }

    static func summary(_ run: ImportRun, store: String, elapsed: TimeInterval) -> String {
        let counts = run.counts
        let pace = rate(counts.rowsDone, elapsed).map { ", \(grouped(Int($0.rounded()))) rows/s" } ?? ""
        let headline: String
        switch run.status {
        case .failed: headline = "Import of \(run.fileName) into \(store) stopped after \(grouped(counts.rowsDone)) rows."
        case .finished, .running:
            headline = "Imported \(run.fileName) into \(store): \(grouped(counts.rowsDone)) rows in "
                + String(format: "%.1f s", elapsed) + pace + "."
        }
        let rows = [("orders created", counts.ordersCreated), ("orders already there", counts.ordersExisting),
                    ("parcels added", counts.parcelsAdded), ("rows not imported", counts.errorCount)]
        let lines = rows.map { "  " + $0.0.padding(toLength: 22, withPad: " ", startingAt: 0) + grouped($0.1) }
        return ([headline] + lines).joined(separator: "\n")
    }

    /// "line 12: item_price must be …", or the file itself for line 0.
    static func describe(_ error: ImportRowError) -> String {
        error.line > 0 ? "line \(error.line): \(error.message)" : error.message
    }

    static func rate(_ rows: Int, _ elapsed: TimeInterval) -> Double? {
        elapsed > 0 && rows > 0 ? Double(rows) / elapsed : nil
    }

    /// 1234567 as "1,234,567", the same on every machine whatever its locale.
    static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return (number < 0 ? "-" : "") + out
    }

    static func duration(_ seconds: TimeInterval) -> String {
        let total = Int(seconds.rounded())
        let (hours, minutes, secs) = (total / 3600, total / 60 % 60, total % 60)
        return hours > 0 ? String(format: "%d:%02d:%02d", hours, minutes, secs) : String(format: "%d:%02d", minutes, secs)
    }
}
