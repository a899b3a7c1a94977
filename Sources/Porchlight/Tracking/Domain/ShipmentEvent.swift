import Foundation

/// One carrier (or merchant) report about a parcel, already mapped onto our vocabulary.
/// `occurredAt` is when it happened according to the carrier; `recordedAt` is when we
/// heard about it. Carriers deliver events late and out of order, so derivation orders
/// by `occurredAt` and only uses `recordedAt` to break ties.
struct ShipmentEvent: Sendable, Equatable, Identifiable {
    var id: UUID
    var status: ShipmentStatus
    /// A code like "Exception_004"; kept as a string so unknown codes survive round trips.
    var substatus: String?
    var occurredAt: Date
    var recordedAt: Date
    var message: String
    var location: String?
    /// The carrier's own raw code, kept for support and for re-mapping later.
    var carrierCode: String?
}
