import Foundation

/// A message the journey wants sent, and when. The key makes planning it twice harmless.
struct PlannedMessage: Sendable, Equatable {
    var type: MessageType
    var idempotencyKey: String
    var dueAt: Date
    var shipmentID: UUID?
    var substatus: String?

    /// Status messages for different parcels of one order merge while they wait to go out.
    var coalesces: Bool { type.category == .shipping }
}

/// Decides which messages an order's moments call for. Pure, so timing is tested with plain dates.
struct JourneyPlanner: Sendable {
    let settings: MessageSettings

    /// An order that reaches us late (an import, a backlog) is not thanked days after the fact, and one
    /// that arrives after its reassurance moment gets only the confirmation rather than two emails at once.
    func orderPlaced(orderID: UUID, placedAt: Date, now: Date) -> [PlannedMessage] {
        var planned: [PlannedMessage] = []
        if now.timeIntervalSince(placedAt) < 2 * 86_400 {
            planned.append(PlannedMessage(type: .orderConfirmation, idempotencyKey: "order_confirmation:\(orderID)", dueAt: now))
        }
        let reassuranceAt = placedAt.addingTimeInterval(Double(settings.reassuranceAfterHours) * 3_600)
        if reassuranceAt > now {
            planned.append(PlannedMessage(type: .reassurance, idempotencyKey: "reassurance:\(orderID)", dueAt: reassuranceAt))
        }
        return planned
    }

    /// `localDay` is the customer's calendar day ("2026-11-22"), so a parcel out for delivery
    /// again tomorrow is news again, while a repeated scan today is not.
    func shipmentMoved(_ move: ShipmentMove, localDay: String, now: Date,
                       skus: [String] = [], productTypes: [String] = []) -> [PlannedMessage] {
        var planned: [PlannedMessage] = []
        // A delay is told with the exception message: what happened, and the new window.
        let announced = move.from != move.to ? MessageType.announcing(move.to) : (move.isNewDelay ? .exception : nil)
        if let type = announced, !(type == .shipped && move.from.showsMovement) {
            let key: String
            switch type {
            case .outForDelivery: key = "\(type.rawValue):\(move.shipmentID):\(localDay)"
            case .failedAttempt, .exception: key = "\(type.rawValue):\(move.shipmentID):\(move.substatus ?? "-"):\(localDay)"
            default: key = "\(type.rawValue):\(move.shipmentID)"
            }
            planned.append(PlannedMessage(type: type, idempotencyKey: key,
                                          dueAt: now.addingTimeInterval(Double(settings.coalesceMinutes) * 60),
                                          shipmentID: move.shipmentID, substatus: move.substatus))
        }
        if move.orderIsDelivered && !move.orderWasDelivered {
            planned += deliveredFollowUps(orderID: move.orderID, now: now, skus: skus, productTypes: productTypes)
        }
        return planned
    }

    private func deliveredFollowUps(orderID: UUID, now: Date, skus: [String], productTypes: [String]) -> [PlannedMessage] {
        let day = 86_400.0
        var planned = [
            PlannedMessage(type: .checkIn, idempotencyKey: "check_in:\(orderID)",
                           dueAt: now.addingTimeInterval(Double(settings.checkInAfterDays) * day)),
            PlannedMessage(type: .reviewRequest, idempotencyKey: "review_request:\(orderID)",
                           dueAt: now.addingTimeInterval(Double(settings.reviewAfterDays) * day)),
        ]
        if let days = settings.replenishment(skus: skus, productTypes: productTypes) {
            // A few days' notice before they run out, never sooner than the review request.
            let lead = max(Double(days) - 3, Double(settings.reviewAfterDays) + 1)
            planned.append(PlannedMessage(type: .reorderReminder, idempotencyKey: "reorder_reminder:\(orderID)",
                                          dueAt: now.addingTimeInterval(lead * day)))
        }
        return planned
    }
}
