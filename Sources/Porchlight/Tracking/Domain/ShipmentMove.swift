import Foundation

/// A parcel's status change, with the order around it, as the ledger saw it in one transaction.
struct ShipmentMove: Sendable, Equatable {
    var orderID: UUID
    var shipmentID: UUID
    var from: ShipmentStatus
    var to: ShipmentStatus
    var substatus: String?
    var orderWasDelivered: Bool
    var orderIsDelivered: Bool
}
