import Vapor

/// `PATCH /api/v1/orders/{id}`: the store cancels, refunds or marks an order returned, which stops its messages.
enum OrderStateController {
    struct Body: Content {
        var state: String
    }

    @Sendable static func update(req: Request) async throws -> OrderJSON {
        let store = try req.currentStore
        let body = try req.content.decode(Body.self)
        guard let state = OrderState(rawValue: body.state) else {
            throw APIError.validation("state must be one of: \(OrderState.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        let book = try req.orderBook(store)
        let order = try await book.find(req.parameters.requireUUID("orderID"))
        try await book.setState(state, of: order)
        guard let loaded = try await TrackingReader(database: req.db).load(order: order) else {
            throw APIError.notFound("Order")
        }
        return OrderJSON(loaded, site: req.application.siteURL)
    }
}
