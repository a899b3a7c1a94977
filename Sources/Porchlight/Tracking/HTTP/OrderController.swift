import Fluent
import Vapor

enum OrderController {
    @Sendable static func create(req: Request) async throws -> Response {
        let store = try req.currentStore
        let body = try req.content.decode(CreateOrderBody.self)
        let key = req.headers.first(name: "Idempotency-Key").map { String($0.prefix(200)) }
        let outcome = try await req.orderBook(store).create(
            body.draft(defaultLocale: store.defaultLocale, now: req.application.world.now()), idempotencyKey: key)
        guard let loaded = try await TrackingReader(database: req.db).load(order: outcome.order) else {
            throw APIError.notFound("Order")
        }
        let response = Response(status: outcome.created ? .created : .ok)
        try response.content.encode(OrderJSON(loaded, site: req.application.siteURL), as: .json)
        return response
    }

    @Sendable static func show(req: Request) async throws -> OrderJSON {
        let order = try await req.orderBook(req.currentStore).find(req.parameters.requireUUID("orderID"))
        guard let loaded = try await TrackingReader(database: req.db).load(order: order) else {
            throw APIError.notFound("Order")
        }
        return OrderJSON(loaded, site: req.application.siteURL)
    }
}

extension Request {
    func orderBook(_ store: StoreRecord) throws -> OrderBook {
        application.orderBook(storeID: try store.requireID())
    }

    func shipmentLedger(_ store: StoreRecord) throws -> ShipmentLedger {
        application.shipmentLedger(storeID: try store.requireID())
    }
}

extension Parameters {
    /// A malformed ID can't name anything, so it is answered like any unknown one.
    func requireUUID(_ name: String) throws -> UUID {
        guard let text = get(name), let id = UUID(uuidString: text) else { throw APIError.notFound("That object") }
        return id
    }
}
