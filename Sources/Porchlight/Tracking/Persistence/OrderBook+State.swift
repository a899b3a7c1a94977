import Fluent
import Foundation

extension OrderBook {
    /// The store's side of the order's life. A closed order gets no more messages: they are
    /// skipped when they come due. Returns whether anything changed.
    @discardableResult
    func setState(_ state: OrderState, of order: OrderRecord) async throws -> Bool {
        guard order.state != state.rawValue else { return false }
        order.state = state.rawValue
        order.updatedAt = world.now()
        try await order.save(on: database)
        return true
    }

    /// Closes an open order the way its platform did; an order already closed keeps how it was
    /// closed, and nothing here reopens one.
    func close(_ orderID: UUID, as state: OrderState) async throws -> Bool {
        let order = try await find(orderID)
        guard state.isClosed, order.state == OrderState.open.rawValue else { return false }
        return try await setState(state, of: order)
    }
}
