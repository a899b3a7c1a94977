import Vapor

/// `porchlight demo`: a seeded store on its own SQLite file, a simulated carrier, and the server, in one go.
struct DemoCommand: AsyncCommand {
    static let defaultDatabaseURL = "sqlite://porchlight-demo.sqlite"

    struct Signature: CommandSignature {
        @Option(name: "hostname", short: "H", help: "Address to listen on (default 127.0.0.1).") var hostname: String?
        @Option(name: "port", short: "p", help: "Port to listen on (default 8080).") var port: Int?
    }

    var help: String { "Run a demo store with live-moving shipments on a fresh SQLite file." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let seeded = try await DemoSeeder(database: app.db, world: app.world, publicURL: app.siteURL.base,
                                          hooks: app.trackingHooks).seed()
        let password = try await DemoAccount.create(storeID: try seeded.store.requireID(), hashing: app.passwordHashing,
                                                    database: app.db, world: app.world)
        let simulator = DemoSimulator(ledger: app.shipmentLedger(storeID: try seeded.store.requireID()),
                                      featuredOrderID: seeded.featuredOrderID)
        let task = Task { await simulator.run() }
        app.startEmbeddedWorker()
        app.lifecycle.use(CancelOnShutdown(task: task))

        var serve = context
        serve.input = CommandInput(arguments: ["porchlight", "--hostname", signature.hostname ?? "127.0.0.1",
                                               "--port", String(signature.port ?? app.services.config.port ?? 8080)])
        try await app.servers.asyncCommand.run(using: &serve)
        context.console.print(DemoBanner(site: app.siteURL, seeded: seeded, ownerPassword: password).text)
    }
}

private struct CancelOnShutdown: LifecycleHandler {
    let task: Task<Void, Never>
    func shutdownAsync(_ application: Application) async { task.cancel() }
}
