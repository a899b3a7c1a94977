import Fluent
import NIOPosix
import Prometheus
import Vapor

/// Wires the app: database, JSON conventions, middleware, services and routes. Migrates before returning.
public func configure(_ app: Application) async throws {
    try await configure(app, world: .live, config: .fromEnvironment())
}

func configure(_ app: Application, world: World, config: AppConfig, migrate: Bool = true) async throws {
    let target = try DatabaseTarget.parse(config.databaseURL)
    if case .sqlite = target {
        // SQLite runs on a thread pool, one connection per event loop, and a connection waiting for the write
        // lock retries on its thread until it gets it. With more threads than connections, the holder of the
        // lock always finds a thread to finish on, so waiting writers can't starve it.
        app.threadPool = NIOThreadPool(numberOfThreads: System.coreCount + 2)
    }
    try app.useDatabase(target)
    let lane = try CommitLane(target: target, threadPool: app.threadPool)
    app.lifecycle.use(CommitLaneShutdown(lane: lane))
    if case .sqlite = target {
        let perLoop = app.eventLoopGroup.makeIterator().compactMap {
            app.databases.database(.sqlite, logger: app.logger, on: $0)
        }
        try await tuneSQLite(perLoop + [lane.database(logger: app.logger)])
    }
    for migration in Migrations.all { app.migrations.add(migration) }
    app.fluent.migrationLogLevel = .debug
    if let port = config.port { app.http.server.configuration.port = port }
    app.http.server.configuration.responseCompression = .disabled

    ContentConfiguration.global.use(encoder: JSONCoding.encoder, for: .json)
    ContentConfiguration.global.use(decoder: JSONCoding.decoder, for: .json)

    let pages = try await PageRenderer.load()
    let hub = LiveUpdateHub()
    var relay: PostgresLiveRelay?
    if case .postgres(let url) = target {
        relay = PostgresLiveRelay(url: url, hub: hub, world: world, logger: app.logger)
    }
    app.services = PorchlightServices(
        world: world, config: config, database: target, pages: pages, liveUpdates: hub,
        trackingCache: TrackingCache(noncePlaceholder: "nonce-" + SecureToken.base64URL(world.randomBytes(16))),
        liveRelay: relay,
        lookupLimits: LookupLimits(perIP: RateLimiter(limit: config.lookupLimitPerIP, window: 60),
                                   perStore: RateLimiter(limit: config.lookupLimitPerStore, window: 60)),
        signInLimit: RateLimiter(limit: config.signInLimitPerIP, window: 60),
        messageTemplates: try MessageTemplates.load(), mailRoute: try makeMailRoute(app, config: config),
        metricsRegistry: PrometheusCollectorRegistry(),
        carrierDetector: try CarrierDetector.load(from: ResourcePaths.root.appendingPathComponent("TrackingNumbers")),
        secretBox: SecretBox(keyBytes: try SecretBox.loadKey(configured: config.secretKey, keyFile: config.secretKeyFile,
                                                             world: world), world: world),
        carriers: CarrierServices(baseURLs: config.carrierBaseURLs),
        jobGroupCommit: JobGroupCommit(gate: WriteGate(enabled: !target.isPostgres), lane: lane, logger: app.logger))
    CarrierWebhookJob.runInline(app: app)
    // Carrier APIs answer in well under a second; a hung one must not hold a worker slot for long.
    app.http.client.configuration.timeout = .init(connect: .seconds(5), read: .seconds(20))

    app.middleware = Middlewares()
    app.middleware.use(SecurityHeaders())
    app.middleware.use(ErrorResponder(pages: pages))
    app.middleware.use(PublicFiles(directory: ResourcePaths.publicFiles.path + "/"), at: .end)
    app.lifecycle.use(LiveUpdatesShutdown())
    app.lifecycle.use(PageViewFlusher(tally: app.services.pageViews))
    app.routes.defaultMaxBodySize = "2mb"

    try routes(app)
    registerCommands(app)
    if migrate { try await app.autoMigrate() }
}

/// Write-ahead logging lets readers go on while one connection writes, and makes a commit one sequential
/// append. With it, `synchronous=NORMAL` syncs at checkpoints rather than on every commit: a crash of
/// Porchlight loses nothing, and a power cut can at most forget the last moments' commits, which makes
/// a message be sent again rather than lost. WAL belongs to the file; `synchronous` to each connection,
/// and there is one connection per event loop, and one for the group commit.
private func tuneSQLite(_ connections: [any Database]) async throws {
    try await connections.first?.sql.raw("PRAGMA journal_mode=WAL").run()
    for db in connections {
        try await db.sql.raw("PRAGMA synchronous=NORMAL").run()
        // The default 2 MB page cache re-read the hot parcels and indexes from the OS on every commit of a
        // webhook burst.
        try await db.sql.raw("PRAGMA cache_size=-65536").run()
    }
}

/// Real SMTP when `SMTP_URL` is set; otherwise the development outbox.
private func makeMailRoute(_ app: Application, config: AppConfig) throws -> MailRoute {
    guard let url = config.smtpURL else { return .outbox }
    let mailer = SMTPMailer(settings: try SMTPSettings(url: url), eventLoopGroup: app.eventLoopGroup,
                            logger: app.logger, tlsTrustRootsFile: config.smtpCAFile,
                            maxConnections: config.workerConcurrency)
    app.lifecycle.use(MailerShutdown(mailer: mailer))
    return .smtp(mailer, CommitGate())
}

private struct CommitLaneShutdown: LifecycleHandler {
    let lane: CommitLane
    func shutdownAsync(_ application: Application) async { await lane.shutdown() }
}

private struct MailerShutdown: LifecycleHandler {
    let mailer: SMTPMailer
    func shutdownAsync(_ application: Application) async { await mailer.shutdown() }
}

private struct LiveUpdatesShutdown: LifecycleHandler {
    func shutdownAsync(_ application: Application) async {
        application.services.liveRelay?.stop()
        await application.liveUpdates.finishAll()
    }
}
