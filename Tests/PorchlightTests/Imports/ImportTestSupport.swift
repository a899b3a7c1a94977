import Fluent
import Foundation
import SQLKit
import Testing
@testable import Porchlight

extension TestHarness {
    static let importHeader = "order_number,email,customer_name,placed_at,time_zone,item_title,item_sku,item_quantity,item_price,carrier,tracking_numbers\n"

    /// Imports `csv` into the store through the same importer the CLI uses, cut into small chunks and
    /// batches so rows and orders straddle their boundaries.
    func importCSV(_ csv: String, slug: String = "maple", notify: Bool = false, batchOrders: Int = 3, chunkSize: Int = 7,
                   maxRecordBytes: Int = 1 << 20, observer: OrderImporter.Observer = .init(),
                   adjust: (inout OrderImporter) -> Void = { _ in }) async throws -> ImportRun {
        let store = try #require(try await StoreDirectory(database: app.db, world: app.world).store(slug: slug))
        var importer = try await app.orderImporter(store: store, notifyingCustomers: notify)
        importer.batchOrders = batchOrders
        adjust(&importer)
        let bytes = Array(csv.utf8)
        return try await importer.run(CSVReader.bytes(bytes, chunkSize: chunkSize, maxRecordBytes: maxRecordBytes), fileName: "orders.csv",
                                      bytesTotal: Int64(bytes.count), observer: observer)
    }

    /// Rows in a table for one store, to show that a second import wrote nothing.
    func count(_ table: String, storeID: UUID, _ condition: String = "1 = 1") async throws -> Int {
        let row = try await app.db.sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table) WHERE store_id = \(bind: storeID) AND \(unsafeRaw: condition)").first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }

    func importedOrder(_ number: String, storeID: UUID) async throws -> OrderRecord? {
        try await OrderRecord.query(on: app.db).filter(\.$storeID == storeID).filter(\.$orderNumber == number).first()
    }

    func parcels(of order: OrderRecord) async throws -> [ShipmentRecord] {
        try await ShipmentRecord.query(on: app.db).filter(\.$storeID == order.storeID)
            .filter(\.$orderID == order.requireID()).sort(\.$position).all()
    }
}

/// Collects what the importer reports as it goes.
final class ImportRecorder: Sendable {
    private let state = ReportLog()

    var observer: OrderImporter.Observer {
        OrderImporter.Observer(progress: { [state] run in state.append(run) }, rowRejected: { [state] in state.append($0) })
    }

    var progress: [ImportRun] { state.runs }
    var rejected: [ImportRowError] { state.errors }
}

private final class ReportLog: @unchecked Sendable {
    private let lock = NSLock()
    private var storedRuns: [ImportRun] = []
    private var storedErrors: [ImportRowError] = []

    func append(_ run: ImportRun) { lock.withLock { storedRuns.append(run) } }
    func append(_ error: ImportRowError) { lock.withLock { storedErrors.append(error) } }
    var runs: [ImportRun] { lock.withLock { storedRuns } }
    var errors: [ImportRowError] { lock.withLock { storedErrors } }
}
