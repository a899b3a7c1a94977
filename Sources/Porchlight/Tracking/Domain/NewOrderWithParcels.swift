import Foundation

/// An order together with the parcels it already has, as bulk writers (the CSV import) hand it over.
struct NewOrderWithParcels: Sendable, Equatable {
    var order: NewOrder
    var parcels: [NewShipment]
}
