import Foundation

/// Fans "this order changed" out to the open live pages of this process.
/// Bursts collapse: a page that is still busy gets one wake-up, not a queue of them.
actor LiveUpdateHub {
    private var subscribers: [UUID: [Int: AsyncStream<Void>.Continuation]] = [:]
    private var nextID = 0

    func subscribe(orderID: UUID) -> (id: Int, updates: AsyncStream<Void>) {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        nextID += 1
        subscribers[orderID, default: [:]][nextID] = continuation
        return (nextID, stream)
    }

    func unsubscribe(orderID: UUID, id: Int) {
        subscribers[orderID]?[id]?.finish()
        subscribers[orderID]?[id] = nil
        if subscribers[orderID]?.isEmpty == true { subscribers[orderID] = nil }
    }

    func publish(orderID: UUID) {
        subscribers[orderID]?.values.forEach { $0.yield() }
    }

    func finishAll() {
        subscribers.values.forEach { $0.values.forEach { $0.finish() } }
        subscribers = [:]
    }
}
