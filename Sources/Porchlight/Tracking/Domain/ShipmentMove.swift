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
    var fromSubstatus: String? = nil

    /// The carrier (or our stall watch) just started reporting a delay on a parcel still on its way:
    /// news the customer should hear before they have to ask, though the status itself did not change.
    var isNewDelay: Bool {
        to == .inTransit && substatus == Substatus.delayed && fromSubstatus != Substatus.delayed
    }
}
