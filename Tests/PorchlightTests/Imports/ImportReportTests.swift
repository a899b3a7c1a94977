import Foundation
import Testing
@testable import Porchlight

@Suite("What porchlight import shows")
struct ImportReportTests {
    static func run(bytesDone: Int64, rows: Int, errors: Int = 0, status: ImportRunStatus = .running) -> ImportRun {
        ImportRun(id: UUID(), storeID: UUID(), fileName: "orders.csv", startedAt: .t0, finishedAt: nil, status: status,
                  bytesTotal: 4_000_000,
                  counts: ImportCounts(bytesDone: bytesDone, rowsDone: rows, ordersCreated: 40_000, ordersExisting: 2,
                                       parcelsAdded: 51_000, errorCount: errors),
                  errors: [], warnings: [])
    }

    @Test("The progress line: how far through the file, rows, rate, time left from the bytes read, errors")
    func progressLine() {
        let halfway = Self.run(bytesDone: 1_000_000, rows: 60_500, errors: 2)
        #expect(ImportReport.progressLine(halfway, elapsed: 20) == "[######··················]   25%  60,500 rows  3,025 rows/s  1:00 left  2 errors")
        let done = Self.run(bytesDone: 4_000_000, rows: 242_000, status: .finished)
        #expect(ImportReport.progressLine(done, elapsed: 80) == "[########################]  100%  242,000 rows  3,025 rows/s")
        #expect(ImportReport.secondsLeft(Self.run(bytesDone: 0, rows: 0), elapsed: 3) == nil, "no estimate before the first bytes")
    }

    @Test("The summary names the file, the store and every count")
    func summary() {
        let text = ImportReport.summary(Self.run(bytesDone: 4_000_000, rows: 242_000, errors: 3, status: .finished),
                                        store: "maple", elapsed: 80)
        #expect(text == """
            Imported orders.csv into maple: 242,000 rows in 80.0 s, 3,025 rows/s.
              orders created        40,000
              orders already there  2
              parcels added         51,000
              rows not imported     3
            """)
        #expect(ImportReport.describe(ImportRowError(line: 12, message: "email is empty.")) == "line 12: email is empty.")
        #expect(ImportReport.grouped(1_234_567) == "1,234,567" && ImportReport.grouped(999) == "999")
    }
}
