import Foundation

/// One run of the importer over one file: reads rows, groups them into orders, writes them in batches
/// and keeps the run's counts. Lives only as long as the run.
struct ImportSession {
    let importer: OrderImporter
    let observer: OrderImporter.Observer
    var run: ImportRun
    var reader: CSVReader
    var lastSaved: Date
    private var grouper = ImportGrouper()
    private var batch: [ImportOrderGroup] = []
    /// Orders refused so far, and the line that says why; later rows of them are refused too.
    private var heldBack: [String: Int] = [:]

    init(importer: OrderImporter, observer: OrderImporter.Observer, run: ImportRun, reader: CSVReader, lastSaved: Date) {
        self.importer = importer
        self.observer = observer
        self.run = run
        self.reader = reader
        self.lastSaved = lastSaved
    }

    mutating func go() async -> ImportRun {
        do {
            try await readAll()
            run.status = .finished
        } catch {
            // Orders read in full before reading stopped are good: write them. The order in progress may
            // continue in the row that could not be read, so it waits for the file to be fixed.
            if error is ImportFileError || error is CSVError { try? await flush() }
            await reject(ImportRowError(line: Self.line(of: error), message: Self.message(for: error)))
            run.status = .failed
        }
        run.finishedAt = importer.world.now()
        run.counts.bytesDone = reader.bytesRead
        try? await importer.runs.save(run)
        await observer.progress(run)
        return run
    }

    private mutating func readAll() async throws {
        guard let first = try nextRecord() else { throw ImportFileError.empty }
        let header = try ImportHeader(first.fields)
        run.warnings = header.warnings
        await observer.progress(run)
        let rows = ImportRowReader(header: header, defaultLocale: importer.defaultLocale, now: importer.world.now())
        while let record = try nextRecord() {
            let (number, result) = rows.read(record)
            guard let number else {
                if case .failure(let error) = result { await reject(error) }
                run.counts.rowsDone += 1
                continue
            }
            guard let done = grouper.add(result, orderNumber: number, line: record.line) else { continue }
            batch.append(done)
            if batch.count >= importer.batchOrders { try await flush() }
        }
        if let done = grouper.finish() { batch.append(done) }
        try await flush()
    }

    /// The reader's own errors pass through; anything else (a disk error) means the file could not be read.
    private mutating func nextRecord() throws -> CSVRecord? {
        do { return try reader.next() } catch let error as CSVError { throw error } catch {
            throw ImportFileError.unreadable(error.localizedDescription)
        }
    }

    private mutating func flush() async throws {
        guard !batch.isEmpty else { return }
        let groups = batch
        batch.removeAll(keepingCapacity: true)
        let written = try await importer.write(groups, heldBack: &heldBack)
        for error in written.errors { await reject(error) }
        run.counts.rowsDone += groups.reduce(0) { $0 + $1.rowCount }
        run.counts.ordersCreated += written.ordersCreated
        run.counts.ordersExisting += written.ordersExisting
        run.counts.parcelsAdded += written.parcelsAdded
        run.counts.bytesDone = reader.bytesRead
        await observer.progress(run)
        let now = importer.world.now()
        if now.timeIntervalSince(lastSaved) >= importer.saveInterval {
            try await importer.runs.save(run)
            lastSaved = now
        }
    }

    private mutating func reject(_ error: ImportRowError) async {
        run.counts.errorCount += 1
        if run.errors.count < ImportRun.keptErrors { run.errors.append(error) }
        await observer.rowRejected(error)
    }

    /// Header problems belong to line 1, a row too long to read to the line it starts on; 0 means the file as a whole.
    private static func line(of error: Error) -> Int {
        switch error {
        case ImportFileError.missingColumns, ImportFileError.duplicateColumn: return 1
        case CSVError.recordTooLong(let line, _): return line
        default: return 0
        }
    }

    private static func message(for error: Error) -> String {
        switch error {
        case let error as ImportFileError: return error.message
        case let error as CSVError: return error.message
        default: return "The import stopped: \(String(String(reflecting: error).prefix(400)))"
        }
    }
}
