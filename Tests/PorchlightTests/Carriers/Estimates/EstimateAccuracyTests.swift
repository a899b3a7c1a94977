import Foundation
import Testing
@testable import Porchlight

@Suite struct EstimateAccuracyTests {
    private func row(_ earliest: String, _ latest: String, delivered: String, _ carrier: String = "ups") -> AccuracyRow {
        AccuracyRow(promised: DeliveryWindow(earliest: earliest, latest: latest), deliveredDay: delivered, carrier: carrier)
    }

    @Test func countsEarlyInsideAndLateAndMeasuresWidthInCalendarDays() {
        let report = AccuracyReport(rows: [
            row("2025-03-05", "2025-03-07", delivered: "2025-03-04"),           // early, width 3
            row("2025-03-05", "2025-03-07", delivered: "2025-03-05"),           // inside (first day)
            row("2025-03-07", "2025-03-10", delivered: "2025-03-10", "usps"),   // inside (last day), Fri–Mon = 4
            row("2025-03-06", "2025-03-06", delivered: "2025-03-07", "usps"),   // late, width 1
        ])
        #expect(report.count == 4)
        #expect(report.insideShare == 0.5)
        #expect(report.earlyShare == 0.25)
        #expect(report.lateShare == 0.25)
        #expect(report.medianWidthDays == 3)
        #expect(report.p90WidthDays == 4)
        #expect(report.perCarrier.map(\.carrier) == ["ups", "usps"])
        #expect(report.perCarrier[1].medianWidthDays == 2.5)
        #expect(report.perCarrier[1].lateShare == 0.5)
        #expect(!report.meetsGoal)
    }

    @Test func theGoalNeedsNinetyPercentInsideAndAMedianOfThreeDaysOrLess() {
        let inside = Array(repeating: row("2025-03-05", "2025-03-07", delivered: "2025-03-06"), count: 9)
        let late = row("2025-03-05", "2025-03-07", delivered: "2025-03-10")
        #expect(AccuracyReport(rows: inside + [late]).meetsGoal)
        #expect(!AccuracyReport(rows: inside + [late, late]).meetsGoal)
        let wide = Array(repeating: row("2025-03-05", "2025-03-10", delivered: "2025-03-06"), count: 10)
        #expect(!AccuracyReport(rows: wide).meetsGoal)
    }

    @Test func rendersATableWithAVerdict() {
        let rows = Array(repeating: row("2025-03-05", "2025-03-07", delivered: "2025-03-06", "fedex"), count: 9)
            + [row("2025-03-06", "2025-03-06", delivered: "2025-03-06", "usps")]
        let text = AccuracyReport(rows: rows).render()
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("Carrier") && $0.hasSuffix("P90 width") })
        #expect(lines.contains { $0.hasPrefix("fedex") && $0.contains("100.0%") && $0.hasSuffix("3 days") })
        #expect(lines.contains { $0.hasPrefix("usps") && $0.hasSuffix("1 day") })
        #expect(lines.contains { $0.hasPrefix("All") && $0.contains("10") })
        #expect(text.contains("median width of 3 days or less: met."))
        // Columns line up: every table row is as long as the header.
        let header = lines.first { $0.hasPrefix("Carrier") }!
        #expect(lines.filter { $0.hasPrefix("fedex") || $0.hasPrefix("usps") || $0.hasPrefix("All") }
            .allSatisfy { $0.count == header.count })
    }

    @Test func unreadableRowsAreLeftOutAndAnEmptyReportSaysSo() {
        let report = AccuracyReport(rows: [row("soon", "2025-03-07", delivered: "2025-03-06"),
                                           row("2025-03-08", "2025-03-07", delivered: "2025-03-07")])
        #expect(report.count == 0)
        #expect(!report.meetsGoal)
        #expect(report.render() == "No delivered shipments with a promised window yet.\n")
    }
}
