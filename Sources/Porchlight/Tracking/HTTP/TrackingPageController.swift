import Vapor

enum TrackingPageController {
    /// Serves the page from the rendered-page cache when the order, the store and the customer's
    /// calendar day are unchanged; otherwise renders it and remembers it.
    @Sendable static func show(req: Request) async throws -> Response {
        let app = req.application
        let cache = app.services.trackingCache
        let now = app.world.now()
        guard let token = req.parameters.get("token"), SecureToken.looksLikeTrackingToken(token),
              let version = try await app.trackingReader.version(token: token) else { throw Abort(.notFound) }
        let page: TrackingCache.RenderedPage
        if let cached = cache.page(token, at: version, now: now) {
            page = cached
        } else {
            guard let loaded = try await app.trackingReader.load(token: token, knownVersion: version) else {
                throw Abort(.notFound)
            }
            let model = TrackingPage.Model(loaded, now: now, site: app.siteURL)
            var context = model.context
            context["nonce"] = cache.noncePlaceholder
            page = .init(version: version, validUntil: nextMidnight(after: now, in: loaded.order.zone),
                         html: app.pages.render("tracking", context), placeholder: cache.noncePlaceholder)
            cache.putPage(token, page)
        }
        app.services.pageViews.count(token: token)
        let response = Response(status: .ok, body: .init(buffer: page.html(nonce: req.cspNonce)))
        response.headers.contentType = .html
        response.headers.cacheControl = .init(noStore: true)
        return response
    }

    @Sendable static func json(req: Request) async throws -> Response {
        let loaded = try await load(req)
        let presentation = TrackingPresentation(loaded.snapshot, now: req.application.world.now())
        var body = OrderJSON(loaded, site: req.application.siteURL)
        // The customer's view: no contact details of the buyer beyond what the page shows.
        body.email = nil
        body.phone = nil
        let response = Response(status: .ok)
        try response.content.encode(PublicTrackingJSON(headline: presentation.headline, store: loaded.store.name,
                                                       order: body), as: .json)
        response.headers.cacheControl = .init(noStore: true)
        return response
    }

    static func load(_ req: Request) async throws -> TrackingReader.Loaded {
        guard let token = req.parameters.get("token"),
              let loaded = try await req.application.trackingReader.load(token: token) else {
            throw Abort(.notFound)
        }
        return loaded
    }

    static func nextMidnight(after date: Date, in zone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.nextDate(after: date, matching: DateComponents(hour: 0, minute: 0), matchingPolicy: .nextTime)
            ?? date.addingTimeInterval(3600)
    }
}

struct PublicTrackingJSON: Content {
    var headline: String
    var store: String
    var order: OrderJSON
}
