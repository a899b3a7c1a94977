import Vapor

/// `/admin/import`: upload a CSV of orders and watch it go in. The same importer and format as
/// `porchlight import` (docs/IMPORT.md); the upload is kept in a temporary file and read from there
/// in constant memory while the page shows progress.
enum ImportController {
    /// Uploads are held in memory while they arrive; bigger files go through `porchlight import`.
    static let maxUpload: ByteCount = "50mb"

    struct UploadForm: Content {
        var file: File?
        var notify: String?
    }

    @Sendable static func index(req: Request) async throws -> Response {
        let session = try req.dashboard
        let store = try await DashboardPage.store(req)
        let runs = try await ImportRuns(database: req.db, storeID: session.storeID).latest(limit: 10)
        let now = req.application.world.now()
        return try DashboardPage.render(req, "admin/import", title: "Import orders", section: .setup, store: store, [
            "runs": runs.map { view($0, now: now) }, "has_runs": !runs.isEmpty,
        ])
    }

    @Sendable static func upload(req: Request) async throws -> Response {
        let form = try req.content.decode(UploadForm.self)
        guard let file = form.file, file.data.readableBytes > 0 else {
            throw Abort(.unprocessableEntity, reason: "Choose a CSV file to upload.")
        }
        let store = try await DashboardPage.store(req)
        let app = req.application
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("porchlight-import-\(app.world.uuid().uuidString.lowercased()).csv").path
        try await req.fileio.writeFile(file.data, at: path)
        let importer = try await app.orderImporter(store: store, notifyingCustomers: form.notify == "on")
        let (started, announce) = AsyncStream<UUID>.makeStream()
        let logger = req.logger
        Task.detached {
            defer { try? FileManager.default.removeItem(atPath: path) }
            do {
                let run = try await importer.importFile(atPath: path, fileName: file.filename,
                                                        observer: .init(progress: { announce.yield($0.id) }))
                announce.yield(run.id)
            } catch {
                logger.warning("Upload import failed: \(String(reflecting: error))")
            }
            announce.finish()
        }
        var runs = started.makeAsyncIterator()
        guard let runID = await runs.next() else { throw Abort(.unprocessableEntity, reason: "That file could not be read.") }
        return req.redirect(to: "/admin/import#run-\(runID.uuidString.lowercased())", redirectType: .normal)
    }

    struct ProgressJSON: Content {
        var status: String
        var fraction: Double
        var text: String
    }

    /// What the progress bar reads once a second while a run is going.
    @Sendable static func progress(req: Request) async throws -> ProgressJSON {
        let session = try req.dashboard
        guard let id = req.parameters.get("runID").flatMap(UUID.init(uuidString:)),
              let run = try await ImportRuns(database: req.db, storeID: session.storeID).find(id) else { throw Abort(.notFound) }
        return ProgressJSON(status: run.status.rawValue, fraction: fraction(run),
                            text: ImportReport.progressLine(run, elapsed: req.application.world.now().timeIntervalSince(run.startedAt)))
    }

    static func fraction(_ run: ImportRun) -> Double {
        guard run.status == .running else { return 1 }
        guard let total = run.bytesTotal, total > 0 else { return 0 }
        return min(1, Double(run.counts.bytesDone) / Double(total))
    }

    private static func view(_ run: ImportRun, now: Date) -> [String: Any] {
        let counts = run.counts
        return BrandContext.compact([
            "id": run.id.uuidString.lowercased(), "file": run.fileName,
            "started": DateStamp.text(run.startedAt, zone: .gmt), "status": run.status.rawValue,
            "running": run.status == .running ? true : nil, "failed": run.status == .failed ? true : nil,
            "fraction": fraction(run), "progress": ImportReport.progressLine(run, elapsed: (run.finishedAt ?? now).timeIntervalSince(run.startedAt)),
            "rows": counts.rowsDone, "created": counts.ordersCreated, "existing": counts.ordersExisting,
            "parcels": counts.parcelsAdded, "error_count": counts.errorCount,
            "errors": run.errors.prefix(100).map { ["text": ImportReport.describe($0)] },
            "warnings": run.warnings.map { ["text": $0] },
        ])
    }
}

extension ImportController {
    /// `/admin/import/{id}.json`: one route segment carries the id and the suffix.
    @Sendable static func progressOrIndex(req: Request) async throws -> ProgressJSON {
        guard let raw = req.parameters.get("runID"), raw.hasSuffix(".json") else { throw Abort(.notFound) }
        req.parameters.set("runID", to: String(raw.dropLast(5)))
        return try await progress(req: req)
    }
}
