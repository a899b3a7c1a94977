import Foundation

/// Applies what a storefront webhook said through the same order book and shipment ledger as the
/// REST API, so platform orders get the same numbering, detection, messages and dedupe.
/// Every step is idempotent: a retried or repeated event converges on the same orders and parcels.
struct StorefrontIntake: Sendable {
    let provider: IntegrationProvider
    let ledger: ShipmentLedger
    let links: StorefrontOrderLinks

    /// A fulfillment younger than this for an order Porchlight doesn't know is most likely racing
    /// its order's own webhook, so the platform is asked to send it again. An older one belongs to
    /// an order placed before the store connected; that order arrives with its next orders/updated.
    static let raceWindow: TimeInterval = 3_600

    struct Result: Sendable, Equatable {
        /// `accepted`, `ignored` or `deferred`.
        var outcome: IntegrationOutcome
        var summary: String
        var orderNumber: String?
        var parcelsAdded = 0
    }

    func apply(_ event: StorefrontEvent, now: Date) async throws -> Result {
        switch event {
        case .ignored(let reason): Result(outcome: .ignored, summary: reason)
        case .order(let order): try await apply(order)
        case .parcels(let parcels): try await apply(parcels, now: now)
        }
    }

    private func apply(_ order: StorefrontOrder) async throws -> Result {
        let number = order.draft.orderNumber
        var notes: [String] = []
        let orderID: UUID
        if let linked = try await links.order(provider, externalID: order.externalID) {
            orderID = linked
        } else {
            if let closed = order.closedAs {
                return Result(outcome: .ignored, summary: "Order \(number) was \(closed.rawValue) before Porchlight heard of it.",
                              orderNumber: number)
            }
            if let notYet = order.notYet {
                return Result(outcome: .ignored, summary: "Order \(number) is not tracked yet. \(notYet)", orderNumber: number)
            }
            do { try order.draft.validate() } catch {
                return Result(outcome: .ignored, summary: "Order \(number) can't be tracked: \(error.message)", orderNumber: number)
            }
            // An order the REST API already made under this number becomes this platform order.
            let outcome = try await ledger.book.create(order.draft, idempotencyKey: nil)
            orderID = try outcome.order.requireID()
            try await links.link(provider, externalID: order.externalID, to: orderID)
            notes.append(outcome.created ? "Created order \(number)." : "Linked existing order \(number).")
        }
        let added = try await add(order.parcels, to: orderID)
        if let closed = order.closedAs, try await ledger.book.close(orderID, as: closed) {
            notes.append("Order \(number) \(closed.rawValue); no more messages will be sent for it.")
        }
        return Result(outcome: .accepted, summary: summary(number, notes: notes, added: added, skipped: order.skipped),
                      orderNumber: number, parcelsAdded: added.count)
    }

    private func apply(_ parcels: StorefrontParcels, now: Date) async throws -> Result {
        let number = parcels.orderNumber ?? parcels.externalOrderID
        guard let orderID = try await links.order(provider, externalID: parcels.externalOrderID) else {
            if let changedAt = parcels.changedAt, now.timeIntervalSince(changedAt) < Self.raceWindow {
                return Result(outcome: .deferred, summary: "Order \(number) is not known yet; asked \(provider.rawValue) to send this again.",
                              orderNumber: parcels.orderNumber)
            }
            return Result(outcome: .ignored, summary: "Order \(number) is not known to Porchlight; its parcels arrive with its next order update.",
                          orderNumber: parcels.orderNumber)
        }
        let known = try await ledger.book.find(orderID).orderNumber
        let added = try await add(parcels.parcels, to: orderID)
        return Result(outcome: .accepted, summary: summary(known, notes: [], added: added, skipped: parcels.skipped),
                      orderNumber: known, parcelsAdded: added.count)
    }

    /// The tracking numbers that became new parcels; ones the order already has are left alone.
    private func add(_ parcels: [NewShipment], to orderID: UUID) async throws -> [String] {
        var added: [String] = []
        for parcel in parcels {
            let (shipment, created) = try await ledger.addShipment(parcel, to: orderID)
            if created { added.append(shipment.trackingNumber) }
        }
        return added
    }

    private func summary(_ number: String, notes: [String], added: [String], skipped: [String]) -> String {
        var parts = notes
        if !added.isEmpty {
            parts.append("Order \(number): added \(added.count) parcel\(added.count == 1 ? "" : "s") (\(added.joined(separator: ", "))).")
        } else if notes.isEmpty {
            parts.append("Order \(number): nothing new.")
        }
        parts += skipped.map { "Skipped \($0)" }
        return parts.joined(separator: " ")
    }
}
