import Vapor

enum TrackingPageController {
    @Sendable static func show(req: Request) async throws -> Response {
        let loaded = try await load(req)
        let model = TrackingPage.Model(loaded, now: req.application.world.now(), site: req.application.siteURL)
        let response = req.application.pages.page("tracking", model.context, request: req)
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
              let loaded = try await TrackingReader(database: req.db).load(token: token) else {
            throw Abort(.notFound)
        }
        return loaded
    }
}

struct PublicTrackingJSON: Content {
    var headline: String
    var store: String
    var order: OrderJSON
}
