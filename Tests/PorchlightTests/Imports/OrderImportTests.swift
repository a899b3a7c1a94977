import Fluent
import Foundation
import Testing
@testable import Porchlight

@Suite("CSV import of orders, items and tracking numbers")
struct OrderImportTests {
    @Test("Good rows are imported; bad rows are listed with the line they start on", arguments: TestDatabase.all)
    func goodAndBadRows(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let store = try await t.createStore()
            let recorder = ImportRecorder()
            let run = try await t.importCSV(TestHarness.importHeader + """
                A-1,ada@example.com,Ada,2026-11-01,America/New_York,"Smoky tea
                (loose leaf)",TEA,2,12.50,UPS,1Z5R89390357567127
                A-2,bo@example.com,Bo,2026-11-01,UTC,Mug,MUG,1,"9,50",,
                A-3,not-an-email,Cy,2026-11-01,UTC,Rug,RUG,1,30.00,,
                ,dee@example.com,Dee,2026-11-01,UTC,Lamp,LAMP,1,40.00,,
                A-4,eve@example.com,Eve,2026-11-01,UTC,Lamp,LAMP,1,40.00,,986578788855

                """, observer: recorder.observer)
            #expect(run.status == .finished)
            #expect(run.exitCode == 1)
            #expect(run.counts.rowsDone == 5)
            #expect(run.counts.ordersCreated == 2)
            #expect(run.counts.parcelsAdded == 2)
            #expect(run.counts.errorCount == 3)
            let byLine = Dictionary(uniqueKeysWithValues: run.errors.map { ($0.line, $0.message) })
            #expect(byLine.keys.sorted() == [4, 5, 6], "the quoted line break makes A-2 start on line 4")
            #expect(byLine[4]?.hasPrefix("item_price must be a number such as 12.50") == true)
            #expect(byLine[5] == "email must be an email address. Order A-3 was not imported.")
            #expect(byLine[6] == "order_number is empty.")
            #expect(Set(recorder.rejected.map(\.line)) == [4, 5, 6], "the observer hears of each bad row")

            let tea = try #require(try await t.importedOrder("A-1", storeID: store.id))
            #expect(tea.customerName == "Ada" && tea.timeZone == "America/New_York")
            let items = try await LineItemRecord.query(on: t.app.db).filter(\.$storeID == store.id)
                .filter(\.$orderID == tea.requireID()).all()
            #expect(items.map(\.title) == ["Smoky tea\n(loose leaf)"])
            #expect(try await t.importedOrder("A-2", storeID: store.id) == nil)
            #expect(try await t.importedOrder("A-3", storeID: store.id) == nil)
            #expect(try await t.importedOrder("A-4", storeID: store.id) != nil)

            let stored = try #require(try await ImportRuns(database: t.app.db, storeID: store.id).find(run.id))
            #expect(stored == run, "the run row holds what the importer returned")
            #expect(recorder.progress.last == run)
        }
    }

    @Test("Importing the same file again creates nothing", arguments: TestDatabase.all)
    func reimport(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let store = try await t.createStore()
            let csv = try String(contentsOfFile: ImportExampleController.path, encoding: .utf8)
            let first = try await t.importCSV(csv)
            #expect(first.counts.ordersCreated == 4)
            let tables = ["orders", "line_items", "shipments", "jobs"]
            var before: [Int] = []
            for table in tables { before.append(try await t.count(table, storeID: store.id)) }
            let again = try await t.importCSV(csv, batchOrders: 500, chunkSize: 64 * 1024)
            #expect(again.counts.ordersCreated == 0)
            #expect(again.counts.ordersExisting == 4)
            #expect(again.counts.parcelsAdded == 0)
            #expect(again.counts.errorCount == 0)
            var after: [Int] = []
            for table in tables { after.append(try await t.count(table, storeID: store.id)) }
            #expect(after == before)
        }
    }

    @Test("A list of tracking numbers becomes one parcel each, carriers detected as in the API", arguments: TestDatabase.all)
    func trackingNumberList(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let store = try await t.createStore()
            let run = try await t.importCSV(TestHarness.importHeader + """
                P-1,pat@example.com,Pat,2026-11-20,UTC,Blanket,BLANKET,1,89.00,,9400111206206406260787; 986578788855 | RB123456785GB
                P-1,,,,,Tea,TEA,1,12.50,UPS Ground,1Z5R89390357567127

                """)
            #expect(run.counts.parcelsAdded == 4)
            let order = try #require(try await t.importedOrder("P-1", storeID: store.id))
            let parcels = try await t.parcels(of: order)
            #expect(parcels.map(\.trackingNumber) == ["9400111206206406260787", "986578788855", "RB123456785GB", "1Z5R89390357567127"])
            #expect(parcels.map(\.carrierCode) == ["usps", "fedex", "s10", "ups"])
            #expect(parcels.map(\.source) == [.detected, .detected, .detected, .store])
            #expect(parcels.map(\.position) == [0, 1, 2, 3])
            #expect(parcels[3].items.map(\.title) == ["Tea"], "a row naming one parcel says what is in it")
            #expect(order.parcelsTotal == 4)
            #expect(order.status == "Pending")
        }
    }

    @Test("Quiet by default: no customer messages, but every parcel's tracking starts; --notify plans them", arguments: TestDatabase.all)
    func quietAndNotify(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let store = try await t.createStore()
            let rows = """
                Q-1,new@example.com,New,2026-11-22T10:00:00Z,UTC,Tea,TEA,1,12.50,,1Z5R89390357567127;986578788855
                Q-2,old@example.com,Old,2026-09-01,UTC,Tea,TEA,1,12.50,,1Z879E930346834440

                """
            _ = try await t.importCSV(TestHarness.importHeader + rows)
            #expect(try await t.count("messages", storeID: store.id) == 0)
            #expect(try await t.count("jobs", storeID: store.id, "type = 'send_message'") == 0)
            #expect(try await t.count("jobs", storeID: store.id, "type = 'track_shipment'") == 3)

            let birchID = try await t.createStore(slug: "birch", name: "Birch").id
            _ = try await t.importCSV(TestHarness.importHeader + rows, slug: "birch", notify: true)
            let recent = try #require(try await t.importedOrder("Q-1", storeID: birchID))
            let planned = try await MessageRecord.query(on: t.app.db).filter(\.$storeID == birchID).all()
            #expect(planned.contains { $0.type == MessageType.orderConfirmation.rawValue && $0.orderID == recent.id })
            #expect(planned.allSatisfy { $0.orderID == recent.id }, "an order from September is not confirmed in November")
            #expect(try await t.count("jobs", storeID: birchID, "type = 'track_shipment'") == 3)
        }
    }

    @Test("The example file imports cleanly", arguments: TestDatabase.all)
    func exampleFile(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let store = try await t.createStore()
            let csv = try String(contentsOfFile: ImportExampleController.path, encoding: .utf8)
            let run = try await t.importCSV(csv, chunkSize: 64 * 1024)
            #expect(run.status == .finished && run.exitCode == 0)
            #expect(run.errors.isEmpty && run.warnings.isEmpty)
            #expect(run.counts.ordersCreated == 4)
            #expect(run.counts.parcelsAdded == 5)
            let spanish = try #require(try await t.importedOrder("1002", storeID: store.id))
            #expect(spanish.locale == "es" && spanish.currency == "EUR" && spanish.shippingAddress?.city == "Madrid")
            #expect(try await t.parcels(of: spanish).map(\.carrierCode) == ["s10"])
            let note = try #require(try await t.importedOrder("1004", storeID: store.id))
            let items = try await LineItemRecord.query(on: t.app.db).filter(\.$storeID == store.id)
                .filter(\.$orderID == note.requireID()).all()
            #expect(items.map(\.title) == [#"Gift card note: "Happy birthday!""#])
        }
    }

    @Test("Rows of one order that come apart in the file add tracking numbers once, across batches", arguments: TestDatabase.all)
    func scatteredRows(db: TestDatabase) async throws {
        try await TestHarness.run(db) { t in
            let store = try await t.createStore()
            let csv = TestHarness.importHeader + """
                S-1,sam@example.com,Sam,2026-11-20,UTC,Tea,TEA,1,12.50,,1Z5R89390357567127
                S-2,kim@example.com,Kim,2026-11-20,UTC,Mug,MUG,1,9.50,,
                S-1,,,,,Rug,RUG,1,30.00,,1Z5R89390357567127;1Z879E930346834440

                """
            let run = try await t.importCSV(csv, batchOrders: 1)
            #expect(run.counts.ordersCreated == 2)
            #expect(run.counts.ordersExisting == 1, "the second stretch of S-1 found its order")
            #expect(run.counts.parcelsAdded == 2)
            let order = try #require(try await t.importedOrder("S-1", storeID: store.id))
            #expect(try await t.parcels(of: order).map(\.trackingNumber) == ["1Z5R89390357567127", "1Z879E930346834440"])
            #expect(try await t.count("line_items", storeID: store.id, "title = 'Rug'") == 0, "an order's items are fixed")
            #expect(order.parcelsTotal == 2)
            let again = try await t.importCSV(csv, batchOrders: 2)
            #expect(again.counts.ordersCreated == 0 && again.counts.parcelsAdded == 0)
        }
    }
}
