import Vapor

/// The app-wide services, stored once on the application at configure time.
struct PorchlightServices: Sendable {
    var world: World
    var config: AppConfig
    var database: DatabaseTarget
    var pages: PageRenderer
    var liveUpdates: LiveUpdateHub
    var trackingCache: TrackingCache
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
    /// The cached reader customer pages use; the API reads through an uncached one.
    var trackingReader: TrackingReader { TrackingReader(database: db, cache: services.trackingCache) }
    var lookupLimits: LookupLimits { services.lookupLimits }
    var siteURL: SiteURL { SiteURL(base: services.config.publicURL) }
}
