import Vapor

/// `porchlight import orders.csv --store maple`: orders, line items and tracking numbers from a CSV file.
/// Exits 0 when every row was imported, 1 when some were not, 2 when the file could not be read.
struct ImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "The CSV file; its format is in docs/IMPORT.md and at /import/example.csv.") var file: String
        @Option(name: "store", help: "The store to import into (its slug).") var store: String?
        @Flag(name: "notify", help: "Plan customer messages for new orders as the API would (off: import quietly).") var notify: Bool
        @Option(name: "batch-orders", help: "Orders written per transaction (default 500); for measuring.") var batchOrders: Int?
    }

    var help: String { "Import orders, line items and tracking numbers from a CSV file." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let slug = signature.store,
              let store = try await StoreDirectory(database: app.db, world: app.world).store(slug: slug) else {
            context.console.error(signature.store.map { "There is no store '\($0)'." } ?? "Name the store with --store SLUG.")
            app.exitCode = 2
            return
        }
        let printer = ImportProgressPrinter(world: app.world)
        let observer = OrderImporter.Observer(progress: { await printer.progress($0) },
                                              rowRejected: { await printer.rowRejected($0) })
        var importer = try await app.orderImporter(store: store, notifyingCustomers: signature.notify)
        if let batch = signature.batchOrders { importer.batchOrders = max(1, batch) }
        let run: ImportRun
        do {
            run = try await importer.importFile(atPath: signature.file, observer: observer)
        } catch let error as ImportFileError {
            context.console.error(error.message)
            app.exitCode = 2
            return
        }
        await printer.finish()
        context.console.print(ImportReport.summary(run, store: slug, elapsed: await printer.elapsed))
        app.exitCode = run.exitCode
    }
}
