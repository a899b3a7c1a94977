import Foundation

/// What one storefront webhook asks of Porchlight, decided from its body alone.
enum StorefrontEvent: Sendable, Equatable {
    /// The order as the platform sees it now, with every parcel it has shipped so far.
    case order(StorefrontOrder)
    /// Parcels of an order the platform names only by its own id (Shopify's fulfillment topics).
    case parcels(StorefrontParcels)
    /// Signed and readable, but nothing to do; the reason goes to the integration log.
    case ignored(String)
}

struct StorefrontOrder: Sendable, Equatable {
    /// The platform's own id for the order, which later events name it by.
    var externalID: String
    var draft: NewOrder
    var parcels: [NewShipment]
    /// Set when the platform has closed the order; Porchlight closes it too and never reopens it itself.
    var closedAs: OrderState?
    /// Why an order Porchlight doesn't know yet should not be created from this event (e.g. it is
    /// not paid for); nil when it should.
    var notYet: String?
    /// Tracking numbers left out, each with why, for the integration log.
    var skipped: [String] = []
}

extension StorefrontOrder {
    /// "#1001" -> "1001": stored the way the REST API's examples write numbers and customers type
    /// them into the lookup form, so an order sent both ways is one order.
    static func number(from name: String?) -> String? {
        guard var number = name?.trimmingCharacters(in: .whitespacesAndNewlines) else { return nil }
        while number.hasPrefix("#") { number.removeFirst() }
        number = number.trimmingCharacters(in: .whitespaces)
        return number.isEmpty ? nil : number
    }
}

struct StorefrontParcels: Sendable, Equatable {
    /// The platform's id of the order the parcels belong to.
    var externalOrderID: String
    /// The order's number when the event tells it, for the log.
    var orderNumber: String?
    var parcels: [NewShipment]
    var skipped: [String] = []
    /// When the platform made or last changed these parcels: a fresh one for an order Porchlight
    /// doesn't know is most likely racing that order's own webhook.
    var changedAt: Date?
}

/// A signed body that is not the shape its platform documents.
enum StorefrontPayloadError: Error, Equatable {
    case malformed(String)

    var message: String {
        switch self { case .malformed(let text): text }
    }
}

/// What a platform leaves out of its webhooks, filled in from the store.
struct StorefrontDefaults: Sendable, Equatable {
    var locale: String
    /// Platforms send no customer time zone; the REST API's default is used.
    var timeZone = "UTC"
    /// For an order that somehow carries no creation time.
    var receivedAt: Date
}
