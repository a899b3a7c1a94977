import Foundation
import Logging

/// Reads a CSV file of orders, line items and tracking numbers into one store: the one importer behind
/// `porchlight import` and the dashboard's upload. The format and the rules are in docs/IMPORT.md.
///
/// The file is read a chunk at a time and written a batch of orders at a time, so memory stays flat
/// however long the file is. Progress goes to the observer as it happens and to the store's
/// `import_runs` row about once a second, where another process (the dashboard) can read it.
struct OrderImporter: Sendable {
    var ledger: ShipmentLedger
    let runs: ImportRuns
    let world: World
    /// For rows that leave `locale` blank: the store's own default, as in the API.
    let defaultLocale: String
    /// Orders per transaction. Large enough that commits stop dominating, small enough that one batch's
    /// rows stay a small amount of memory.
    var batchOrders = 500
    var chunkSize = 64 * 1024
    var maxRecordBytes = 1 << 20
    /// Seconds between updates of the stored run while it goes.
    var saveInterval: TimeInterval = 1
    var logger = Logger(label: "porchlight.imports")

    struct Observer: Sendable {
        /// The run so far, after every batch and once at the end.
        var progress: @Sendable (ImportRun) async -> Void = { _ in }
        /// Each row that was not imported, as soon as that is known.
        var rowRejected: @Sendable (ImportRowError) async -> Void = { _ in }
    }

    /// Imports the file at `path`. Throws only when it cannot be opened; everything after that, including
    /// a header without the required columns, ends up in the returned run (status `failed`).
    func importFile(atPath path: String, fileName: String? = nil, observer: Observer = Observer()) async throws -> ImportRun {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw ImportFileError.unreadable("\(path) does not exist.")
        }
        guard !isFolder.boolValue else { throw ImportFileError.unreadable("\(path) is a folder.") }
        let handle: FileHandle
        do { handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path)) } catch {
            throw ImportFileError.unreadable("\(path) cannot be opened (\(error.localizedDescription)).")
        }
        defer { try? handle.close() }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value
        let reader = CSVReader.file(handle, chunkSize: chunkSize, maxRecordBytes: maxRecordBytes)
        return try await run(reader, fileName: fileName ?? (path as NSString).lastPathComponent, bytesTotal: size,
                             observer: observer)
    }

    /// Imports what `reader` reads; `bytesTotal`, when known, lets progress say how far along it is.
    func run(_ reader: CSVReader, fileName: String, bytesTotal: Int64?, observer: Observer = Observer()) async throws -> ImportRun {
        let run = ImportRun(id: world.uuid(), storeID: runs.storeID, fileName: String(fileName.prefix(255)),
                            startedAt: world.now(), finishedAt: nil, status: .running, bytesTotal: bytesTotal,
                            counts: ImportCounts(), errors: [], warnings: [])
        try await runs.insert(run)
        logger.info("Import \(run.id) started", metadata: ["store_id": "\(run.storeID)", "bytes": "\(bytesTotal ?? -1)"])
        var session = ImportSession(importer: self, observer: observer, run: run, reader: reader, lastSaved: run.startedAt)
        let done = await session.go()
        let counts = done.counts
        logger.info("Import \(run.id) \(done.status.rawValue)", metadata: [
            "rows": "\(counts.rowsDone)", "orders_created": "\(counts.ordersCreated)",
            "orders_existing": "\(counts.ordersExisting)", "parcels_added": "\(counts.parcelsAdded)",
            "errors": "\(counts.errorCount)"])
        return done
    }
}
