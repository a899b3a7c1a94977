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
        await liveUpdates.publish(orderID: orderID)
        await PostgresLiveRelay.announce(orderID, on: db)
    }
    /// The cached reader customer pages use; the API reads through an uncached one.
    var trackingReader: TrackingReader { TrackingReader(database: db, cache: services.trackingCache) }
    var lookupLimits: LookupLimits { services.lookupLimits }
    var siteURL: SiteURL { SiteURL(base: services.config.publicURL) }
}
