import Fluent
import Metrics
import Prometheus
import Vapor

/// The app-wide services, stored once on the application at configure time.
struct PorchlightServices: Sendable {
    var world: World
    var config: AppConfig
    var database: DatabaseTarget
    var pages: PageRenderer
    var liveUpdates: LiveUpdateHub
    var trackingCache: TrackingCache
    /// Present on PostgreSQL, where several instances may serve live pages.
    var liveRelay: PostgresLiveRelay?
    var lookupLimits: LookupLimits
    /// Per client address, before any account is looked at; per-account lock-out lives in the database.
    var signInLimit: RateLimiter
    var messageTemplates: MessageTemplates
    var mailRoute: MailRoute
    var metricsRegistry: PrometheusCollectorRegistry
    var carrierDetector: CarrierDetector
    var secretBox: SecretBox
    var carriers: CarrierServices
    /// Webhooks' jobs are committed in shared writes; its signal wakes this process's worker.
    var jobGroupCommit: JobGroupCommit
    var pageViews = PageViewTally()
    var jobSignal: JobSignal { jobGroupCommit.signal }
    /// Taken by the heavy writers of the webhook path; lets everyone through on PostgreSQL.
    var writeGate: WriteGate { jobGroupCommit.gate }
    var webhookSecrets = WebhookSecretCache()
}

struct LookupLimits: Sendable {
    var perIP: RateLimiter
    var perStore: RateLimiter
}

private struct ServicesKey: StorageKey { typealias Value = PorchlightServices }

extension Application {
    var services: PorchlightServices {
        get {
            guard let services = storage[ServicesKey.self] else {
                fatalError("configure(_:) must run before the app is used")
            }
            return services
        }
        set { storage[ServicesKey.self] = newValue }
    }

    var world: World { services.world }
    var pages: PageRenderer { services.pages }
    var liveUpdates: LiveUpdateHub { services.liveUpdates }

    /// Wakes the live pages showing this order, on this instance and, through PostgreSQL, on the others.
    func orderChanged(_ orderID: UUID) async {
        await ordersChanged([orderID])
    }

    func ordersChanged(_ orderIDs: [UUID]) async {
        for orderID in orderIDs { await liveUpdates.publish(orderID: orderID) }
        await PostgresLiveRelay.announce(orderIDs, on: db)
    }
    /// The cached reader customer pages use; the API reads through an uncached one.
    var trackingReader: TrackingReader { TrackingReader(database: db, cache: services.trackingCache) }
    var lookupLimits: LookupLimits { services.lookupLimits }
    var siteURL: SiteURL { SiteURL(base: services.config.publicURL) }

    /// Every order change goes through here, so the message journey hears of all of them.
    var trackingHooks: TrackingHooks { trackingHooks(notifyingCustomers: true) }

    /// Parcels are always tracked. Without `notifyingCustomers` nothing is planned for the customer: an import
    /// of orders customers already know about uses that, so none of them is emailed about an old order.
    func trackingHooks(notifyingCustomers: Bool) -> TrackingHooks {
        var hooks = notifyingCustomers ? MessageScheduler(world: world).hooks : .none
        hooks.shipmentsAdded = ShipmentTracker.startTracking(world: world)
        return hooks
    }

    /// `database` is the app's by default; a transaction's, when the caller batches work in one.
    func orderBook(storeID: UUID, notifyingCustomers: Bool = true, on database: (any Database)? = nil) -> OrderBook {
        OrderBook(database: database ?? db, world: world, storeID: storeID,
                  hooks: trackingHooks(notifyingCustomers: notifyingCustomers))
    }

    /// `onOrderChanged` replaces publishing to live pages, for callers that must publish after their own commit.
    func shipmentLedger(storeID: UUID, notifyingCustomers: Bool = true, on database: (any Database)? = nil,
                        onOrderChanged: (@Sendable (UUID) async -> Void)? = nil) -> ShipmentLedger {
        ShipmentLedger(book: orderBook(storeID: storeID, notifyingCustomers: notifyingCustomers, on: database),
                       onOrderChanged: onOrderChanged ?? { [self] in await orderChanged($0) },
                       identifyCarrier: identifyCarrier(storeID: storeID),
                       estimateWindow: windowEstimator(storeID: storeID, on: database))
    }

    var jobMetrics: JobMetrics { JobMetrics(factory: PrometheusMetricsFactory(registry: services.metricsRegistry)) }

    var messageSender: MessageSender {
        MessageSender(database: db, world: world, templates: services.messageTemplates, site: siteURL,
                      route: services.mailRoute, composer: MailComposer(fromAddress: services.config.mailFrom),
                      metrics: jobMetrics)
    }

    /// A worker with every job type this app knows how to run.
    func makeWorker(name: String? = nil) -> JobWorker {
        let sender = messageSender
        var settings = JobWorkerSettings()
        settings.concurrency = services.config.workerConcurrency
        settings.lease = services.config.jobLeaseSeconds
        let database = db
        settings.housekeeping = [
            { now in try await CarrierInbox.pruneExpired(on: database, now: now) },
            { now in try await WebhookReceipts.prune(on: database, before: now.addingTimeInterval(-7 * 86_400)) },
            { now in try await SessionBook.pruneExpired(on: database, now: now) },
            { now in try await IntegrationLog.prune(on: database, before: now.addingTimeInterval(-IntegrationLog.retention)) },
        ]
        let tracker = shipmentTracker
        var handlers = CarrierWebhookJob.handlers(app: self)
        let batchHandlers = CarrierWebhookJob.batchHandlers(app: self)
        handlers[MessageScheduler.jobType] = { try await sender.handle($0) }
        handlers[ShipmentTracker.jobType] = { try await tracker.handle($0) }
        return JobWorker(queue: JobQueue(database: db, world: world), handlers: handlers,
                         name: name ?? "worker-\(getpid())-\(world.uuid().uuidString.suffix(8).lowercased())",
                         settings: settings, metrics: jobMetrics, logger: logger, signal: services.jobSignal,
                         batchHandlers: batchHandlers)
    }
}
