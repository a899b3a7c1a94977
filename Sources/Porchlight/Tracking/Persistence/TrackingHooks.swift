import Fluent
import Foundation

/// Lets other capabilities act on tracking changes inside the same transaction, so whatever
/// they schedule exists exactly when the change itself was committed, even across a crash.
struct TrackingHooks: Sendable {
    var orderPlaced: @Sendable (OrderRecord, Database) async throws -> Void = { _, _ in }
    /// Every parcel one write added, at once, so a bulk write (an import) plans their work in one go.
    var shipmentsAdded: @Sendable ([ShipmentRecord], Database) async throws -> Void = { _, _ in }
    /// Every parcel that moved in one write, with its order as saved, so a batch plans its messages at once.
    var shipmentsMoved: @Sendable ([(move: ShipmentMove, order: OrderRecord)], Database) async throws -> Void = { _, _ in }

    static let none = TrackingHooks()
}
