import Fluent
import Foundation
import Testing
@testable import Porchlight

@Suite("Import runs: history, progress and files that cannot be read")
struct ImportRunTests {
    @Test("A header without the required columns fails the run with one error, before any row", arguments: TestDatabase.all)
    func missingColumns(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let store = try await t.createStore()
            let run = try await t.importCSV("name,sku,tracking\nAda,TEA,1Z5R89390357567127\n")
            #expect(run.status == .failed && run.exitCode == 2)
            #expect(run.counts.rowsDone == 0 && run.counts.errorCount == 1)
            #expect(run.errors.first?.line == 1)
            #expect(run.errors.first?.message.hasPrefix("The header row has no order_number and email column") == true)
            #expect(try await t.count("orders", storeID: store.id) == 0)
            let empty = try await t.importCSV("")
            #expect(empty.status == .failed && empty.errors.first?.message.hasPrefix("The file is empty") == true)
        }
    }

    @Test("Unknown columns are ignored with a warning kept on the run", arguments: TestDatabase.all)
    func unknownColumns(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let store = try await t.createStore()
            let run = try await t.importCSV("Order Number,EMAIL,Gift Wrap\nW-1,wes@example.com,yes\n")
            #expect(run.exitCode == 0 && run.counts.ordersCreated == 1)
            #expect(run.warnings == [#"Ignored unknown column: "Gift Wrap"."#])
            #expect(try await ImportRuns(database: t.app.db, storeID: store.id).find(run.id)?.warnings == run.warnings)
        }
    }

    @Test("A runaway quote stops the run where it starts; orders read in full before it are kept", arguments: TestDatabase.all)
    func runawayQuote(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let store = try await t.createStore()
            let run = try await t.importCSV(TestHarness.importHeader + """
                R-1,a@example.com,A,2026-11-20,UTC,Tea,TEA,1,1.00,,
                R-2,b@example.com,B,2026-11-20,UTC,Tea,TEA,1,1.00,,
                R-3,c@example.com,C,2026-11-20,UTC,"Tea,TEA,1,1.00,,

                """ + String(repeating: "R-4,d@example.com,D,2026-11-20,UTC,Tea,TEA,1,1.00,,\n", count: 20), maxRecordBytes: 512)
            #expect(run.status == .failed && run.exitCode == 2)
            #expect(run.errors.last?.line == 4)
            #expect(run.errors.last?.message.contains("a quote is probably never closed") == true)
            #expect(try await t.importedOrder("R-1", storeID: store.id) != nil)
            #expect(try await t.importedOrder("R-4", storeID: store.id) == nil)
        }
    }

    @Test("An order that cannot be written costs only itself; when none can be, the run stops", arguments: TestDatabase.all)
    func writeFailures(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let store = try await t.createStore()
            let failing: (inout OrderImporter) -> Void = { importer in
                let identify = importer.ledger.identifyCarrier
                importer.ledger.identifyCarrier = { draft in
                    if draft.trackingNumber.hasPrefix("BOOM") { throw TestSetupError("the carrier lookup failed") }
                    return try await identify(draft)
                }
            }
            let run = try await t.importCSV(TestHarness.importHeader + """
                F-1,a@example.com,A,2026-11-20,UTC,Tea,TEA,1,1.00,,1Z5R89390357567127
                F-2,b@example.com,B,2026-11-20,UTC,Tea,TEA,1,1.00,,BOOM1
                F-3,c@example.com,C,2026-11-20,UTC,Tea,TEA,1,1.00,,

                """, adjust: failing)
            #expect(run.status == .finished && run.exitCode == 1)
            #expect(run.counts.ordersCreated == 2)
            #expect(run.errors.map(\.line) == [3])
            #expect(run.errors.first?.message.hasPrefix("Order F-2 could not be written: ") == true)
            #expect(try await t.importedOrder("F-3", storeID: store.id) != nil)

            let stopped = try await t.importCSV(TestHarness.importHeader + """
                G-1,a@example.com,A,2026-11-20,UTC,Tea,TEA,1,1.00,,BOOM2
                G-2,b@example.com,B,2026-11-20,UTC,Tea,TEA,1,1.00,,BOOM3

                """, adjust: failing)
            #expect(stopped.status == .failed && stopped.exitCode == 2)
            #expect(stopped.errors.last?.message.hasPrefix("The import stopped: ") == true)
            #expect(stopped.errors.last?.line == 0)
        }
    }

    @Test("Runs are listed newest first, found by id, and only by their own store", arguments: TestDatabase.all)
    func history(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let maple = try await t.createStore()
            let birch = try await t.createStore(slug: "birch", name: "Birch")
            let recorder = ImportRecorder()
            let first = try await t.importCSV("order_number,email\nH-1,h@example.com\n")
            t.clock.advance(by: 60)
            let second = try await t.importCSV("order_number,email\nH-1,h@example.com\nH-2,i@example.com\n",
                                               batchOrders: 1, observer: recorder.observer)
            let runs = ImportRuns(database: t.app.db, storeID: maple.id)
            #expect(try await runs.latest(limit: 10).map(\.id) == [second.id, first.id])
            #expect(try await runs.latest(limit: 1).map(\.id) == [second.id])
            #expect(try await runs.find(second.id)?.counts == ImportCounts(bytesDone: 55, rowsDone: 2, ordersCreated: 1,
                                                                          ordersExisting: 1, parcelsAdded: 0, errorCount: 0))
            let other = ImportRuns(database: t.app.db, storeID: birch.id)
            #expect(try await other.latest().isEmpty)
            #expect(try await other.find(first.id) == nil)
            #expect(recorder.progress.count == 4, "once the header is read, after each of two batches, and at the end")
            #expect(recorder.progress.first?.status == .running)
            #expect(recorder.progress.map(\.counts.rowsDone) == [0, 1, 2, 2])
        }
    }
}
