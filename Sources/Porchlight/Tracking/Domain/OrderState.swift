import Foundation

/// The store's side of an order's life, separate from where its parcels are.
enum OrderState: String, Codable, Sendable, CaseIterable {
    case open
    case cancelled
    case refunded
    /// Every item came back.
    case returned

    /// Messages stop for an order the customer no longer expects.
    var isClosed: Bool { self != .open }
}
