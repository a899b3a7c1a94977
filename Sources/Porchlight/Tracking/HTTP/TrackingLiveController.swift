import Fluent
import Vapor

/// Server-Sent Events for one tracking page: an `update` event carries the re-rendered order section
/// whenever the order changes, so the page never needs a reload.
enum TrackingLiveController {
    static let heartbeat: Duration = .seconds(15)

    @Sendable static func stream(req: Request) async throws -> Response {
        let loaded = try await TrackingPageController.load(req)
        let token = loaded.order.trackingToken
        let orderID = try loaded.order.requireID()
        let lastSeen = max(req.query[Int.self, at: "since"] ?? 0,
                           req.headers.first(name: "Last-Event-ID").flatMap(Int.init) ?? 0)
        let app = req.application
        app.services.liveRelay?.ensureListening()
        let response = Response(status: .ok)
        response.headers.replaceOrAdd(name: .contentType, value: "text/event-stream; charset=utf-8")
        response.headers.cacheControl = .init(noStore: true)
        response.headers.replaceOrAdd(name: "X-Accel-Buffering", value: "no")
        response.body = .init(asyncStream: { writer in
            let (subscription, updates) = await app.liveUpdates.subscribe(orderID: orderID)
            let ticker = Task {
                while !Task.isCancelled {
                    try? await app.world.sleep(heartbeat)
                    await app.liveUpdates.publish(orderID: orderID)
                }
            }
            defer { ticker.cancel() }
            var sent = lastSeen
            do {
                try await writer.write(.buffer(ByteBuffer(string: "retry: 2000\n: connected\n\n")))
                if loaded.order.revision != sent {
                    sent = try await send(loaded, app: app, writer: writer)
                }
                for await _ in updates {
                    // A wake-up with nothing new is a heartbeat; it also notices changes made by other instances.
                    guard let version = try await app.trackingReader.version(token: token) else { break }
                    if version.revision != sent,
                       let current = try await app.trackingReader.load(token: token, knownVersion: version) {
                        sent = try await send(current, app: app, writer: writer)
                    } else {
                        try await writer.write(.buffer(ByteBuffer(string: ": ping\n\n")))
                    }
                }
            } catch {
                // The customer closed the page: nothing to report.
            }
            await app.liveUpdates.unsubscribe(orderID: orderID, id: subscription)
            try? await writer.write(.end)
        })
        return response
    }

    /// Writes one `update` event and returns the revision it carried.
    private static func send(_ loaded: TrackingReader.Loaded, app: Application,
                             writer: any AsyncBodyStreamWriter) async throws -> Int {
        let model = TrackingPage.Model(loaded, now: app.world.now(), site: app.siteURL)
        let html = app.pages.render("order", model.orderContext)
        let payload = LiveUpdate(revision: loaded.order.revision, status: loaded.order.status,
                                 headline: model.presentation.headline, html: html)
        let json = String(decoding: try JSONEncoder().encode(payload), as: UTF8.self)
        try await writer.write(.buffer(ByteBuffer(string: "id: \(payload.revision)\nevent: update\ndata: \(json)\n\n")))
        return payload.revision
    }
}

struct LiveUpdate: Codable {
    var revision: Int
    var status: String
    var headline: String
    var html: String
}
